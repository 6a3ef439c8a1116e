-- A second look at a MEDIUM fraud risk (order-fulfillment version 2, job type review-fraud): the
-- outcome is recorded once per order, so a job handed out again gives the same answer.
CREATE TABLE fraud_review (
  order_id     VARCHAR(64)  PRIMARY KEY,
  outcome      VARCHAR(8)   NOT NULL CHECK (outcome IN ('LOW', 'HIGH')),
  reason       VARCHAR(200) NOT NULL,
  reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
