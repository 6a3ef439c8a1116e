-- Order fulfillment schema. Portable SQL: runs unchanged on H2 (default, file mode) and PostgreSQL
-- (profile `postgres`). Every side effect of a job is a row whose primary or unique key is the
-- idempotency key (order id, step[, line]): a repeated job finds it and changes nothing.

-- Inventory -----------------------------------------------------------------------------------

CREATE TABLE product (
  sku        VARCHAR(32)   NOT NULL PRIMARY KEY,
  name       VARCHAR(200)  NOT NULL,
  unit_price NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
  currency   CHAR(3)       NOT NULL,
  weight_kg  NUMERIC(10,3) NOT NULL CHECK (weight_kg >= 0)
);

-- Stock conservation per SKU is a table constraint: available + reserved + shipped = initial.
CREATE TABLE stock (
  sku              VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES product (sku),
  initial_quantity INTEGER     NOT NULL CHECK (initial_quantity >= 0),
  available        INTEGER     NOT NULL CHECK (available >= 0),
  reserved         INTEGER     NOT NULL CHECK (reserved >= 0),
  shipped          INTEGER     NOT NULL CHECK (shipped >= 0),
  CONSTRAINT stock_conserved CHECK (available + reserved + shipped = initial_quantity)
);

-- Orders --------------------------------------------------------------------------------------

CREATE TABLE customer_order (
  order_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  customer_id          VARCHAR(64)   NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  total_amount         NUMERIC(12,2) NOT NULL CHECK (total_amount >= 0),
  currency             CHAR(3)       NOT NULL,
  total_weight_kg      NUMERIC(12,3) NOT NULL CHECK (total_weight_kg >= 0),
  payment_token        VARCHAR(64)   NOT NULL,
  ship_name            VARCHAR(200)  NOT NULL,
  ship_street          VARCHAR(200)  NOT NULL,
  ship_city            VARCHAR(100)  NOT NULL,
  ship_postal_code     VARCHAR(20)   NOT NULL,
  ship_country         CHAR(2)       NOT NULL,
  express              BOOLEAN       NOT NULL,
  gift_wrap            BOOLEAN       NOT NULL,
  insurance            BOOLEAN       NOT NULL,
  correlation_id       VARCHAR(128),
  process_instance_key BIGINT        UNIQUE,
  previous_orders      INTEGER       CHECK (previous_orders >= 0),
  outcome              VARCHAR(16),
  rejection_reason     VARCHAR(32),
  rejection_detail     VARCHAR(500),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at          TIMESTAMP WITH TIME ZONE,
  CONSTRAINT customer_order_status CHECK (status IN ('RECEIVED', 'VALIDATED', 'STOCK_RESERVED',
    'AWAITING_PAYMENT_CONFIRMATION', 'PAID', 'PACKED', 'SHIPPED', 'DELIVERED', 'COMPLETED',
    'REJECTED', 'CANCELLED')),
  CONSTRAINT customer_order_outcome CHECK (
    (status IN ('COMPLETED', 'REJECTED', 'CANCELLED') AND outcome = status AND finished_at IS NOT NULL)
    OR (status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED') AND outcome IS NULL)),
  CONSTRAINT customer_order_rejection CHECK (rejection_reason IS NULL OR status = 'REJECTED')
);

CREATE INDEX customer_order_by_customer ON customer_order (customer_id, status);

CREATE TABLE order_line (
  order_id       VARCHAR(64)   NOT NULL REFERENCES customer_order (order_id),
  line_no        INTEGER       NOT NULL CHECK (line_no >= 1),
  sku            VARCHAR(32)   NOT NULL REFERENCES product (sku),
  quantity       INTEGER       NOT NULL CHECK (quantity > 0),
  unit_price     NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
  line_total     NUMERIC(12,2) NOT NULL,
  unit_weight_kg NUMERIC(10,3) NOT NULL CHECK (unit_weight_kg >= 0),
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_line_total CHECK (line_total = unit_price * quantity)
);

-- One reservation per order line (key: order id + line no). Only RESERVED rows hold stock.
CREATE TABLE stock_reservation (
  order_id          VARCHAR(64) NOT NULL,
  line_no           INTEGER     NOT NULL,
  sku               VARCHAR(32) NOT NULL REFERENCES product (sku),
  quantity          INTEGER     NOT NULL CHECK (quantity > 0),
  status            VARCHAR(16) NOT NULL
    CHECK (status IN ('RESERVED', 'REFUSED', 'RELEASED', 'SHIPPED')),
  available_at_refusal INTEGER CHECK (available_at_refusal >= 0),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (order_id, line_no),
  FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no)
);

CREATE INDEX stock_reservation_by_sku ON stock_reservation (sku, status);

-- Payment -------------------------------------------------------------------------------------

-- Our books: one payment per order (key: order id). charge_result is the first answer of the
-- provider and never changes; status moves on (capture, refund, void).
CREATE TABLE payment (
  order_id        VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  charge_id       VARCHAR(64)   UNIQUE,
  charge_result   VARCHAR(32)   NOT NULL
    CHECK (charge_result IN ('CHARGED', 'PENDING_CONFIRMATION', 'DECLINED')),
  status          VARCHAR(32)   NOT NULL
    CHECK (status IN ('CHARGED', 'PENDING_CONFIRMATION', 'DECLINED', 'VOIDED', 'REFUNDED')),
  amount          NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
  currency        CHAR(3)       NOT NULL,
  captured_amount NUMERIC(12,2) NOT NULL CHECK (captured_amount >= 0),
  refunded_amount NUMERIC(12,2) NOT NULL CHECK (refunded_amount >= 0),
  decline_reason  VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT payment_capture_within_amount CHECK (captured_amount <= amount),
  CONSTRAINT payment_refund_within_capture CHECK (refunded_amount <= captured_amount)
);

-- The simulated payment provider's own books: it stands in for an external system, so it has no
-- foreign keys into ours. Attempts are counted per (order, step) in their own transaction, so a
-- failed attempt is still counted.
CREATE TABLE sandbox_payment_attempt (
  order_id VARCHAR(64) NOT NULL,
  step     VARCHAR(16) NOT NULL CHECK (step IN ('CHARGE', 'CAPTURE', 'REFUND', 'VOID')),
  attempts INTEGER     NOT NULL CHECK (attempts > 0),
  PRIMARY KEY (order_id, step)
);

CREATE TABLE sandbox_payment_operation (
  order_id       VARCHAR(64)   NOT NULL,
  step           VARCHAR(16)   NOT NULL CHECK (step IN ('CHARGE', 'CAPTURE', 'REFUND', 'VOID')),
  provider_ref   VARCHAR(64)   NOT NULL UNIQUE,
  result         VARCHAR(32)   NOT NULL,
  amount         NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
  currency       CHAR(3)       NOT NULL,
  decline_reason VARCHAR(200),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (order_id, step)
);

-- Shipping ------------------------------------------------------------------------------------

CREATE TABLE shipment (
  shipment_id        VARCHAR(64) NOT NULL PRIMARY KEY,
  order_id           VARCHAR(64) NOT NULL UNIQUE REFERENCES customer_order (order_id),
  tracking_number    VARCHAR(64) NOT NULL UNIQUE,
  status             VARCHAR(16) NOT NULL
    CHECK (status IN ('CREATED', 'ASSIGNED', 'SCHEDULED', 'DELIVERED', 'CANCELLED')),
  shipping_method    VARCHAR(16) CHECK (shipping_method IN ('DRONE', 'EXPRESS', 'STANDARD', 'FREIGHT')),
  carrier            VARCHAR(64),
  estimated_delivery TIMESTAMP WITH TIME ZONE,
  delivered_at       TIMESTAMP WITH TIME ZONE,
  cancelled_at       TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE shipment_insurance (
  order_id       VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  policy_number  VARCHAR(64)   NOT NULL UNIQUE,
  insured_amount NUMERIC(12,2) NOT NULL CHECK (insured_amount >= 0),
  premium        NUMERIC(12,2) NOT NULL CHECK (premium >= 0),
  currency       CHAR(3)       NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE delivery_escalation (
  order_id     VARCHAR(64) NOT NULL REFERENCES customer_order (order_id),
  shipment_id  VARCHAR(64) NOT NULL REFERENCES shipment (shipment_id),
  escalated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (order_id, shipment_id)
);

-- Warehouse, invoicing, loyalty, analytics, notifications -------------------------------------

CREATE TABLE warehouse_package (
  order_id   VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  package_id VARCHAR(64) NOT NULL UNIQUE,
  packed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE gift_wrap (
  order_id   VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  wrapped_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE invoice (
  order_id       VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  invoice_number VARCHAR(32)   NOT NULL UNIQUE,
  amount         NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
  currency       CHAR(3)       NOT NULL,
  issued_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE loyalty_award (
  order_id    VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  customer_id VARCHAR(64) NOT NULL,
  points      INTEGER     NOT NULL CHECK (points >= 0),
  awarded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sale (
  order_id    VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES customer_order (order_id),
  customer_id VARCHAR(64)   NOT NULL,
  amount      NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
  currency    CHAR(3)       NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE customer_notification (
  order_id    VARCHAR(64) NOT NULL REFERENCES customer_order (order_id),
  kind        VARCHAR(32) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (order_id, kind)
);
