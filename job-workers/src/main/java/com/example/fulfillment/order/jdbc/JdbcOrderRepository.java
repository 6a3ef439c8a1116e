package com.example.fulfillment.order.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.integer;
import static com.example.fulfillment.common.jdbc.Jdbc.longValue;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderLine;
import com.example.fulfillment.order.OrderRepository;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.OrderSummary;
import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.PaymentSummary;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.order.ShipmentSummary;
import com.example.fulfillment.order.ShippingAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders in tables {@code customer_order} and {@code order_line}. The read side joins the payment
 * and shipment books to show their state on the order.
 */
public record JdbcOrderRepository(JdbcClient jdbc) implements OrderRepository {

  private static final String SELECT_ORDER =
      """
      SELECT o.*,
             p.status AS p_status, p.charge_id AS p_charge_id, p.amount AS p_amount,
             p.captured_amount AS p_captured, p.refunded_amount AS p_refunded,
             p.decline_reason AS p_decline_reason,
             s.shipment_id AS s_shipment_id, s.tracking_number AS s_tracking_number,
             s.status AS s_status, s.shipping_method AS s_method, s.carrier AS s_carrier,
             s.estimated_delivery AS s_estimated_delivery, s.delivered_at AS s_delivered_at
        FROM customer_order o
        LEFT JOIN payment p ON p.order_id = o.order_id
        LEFT JOIN shipment s ON s.order_id = o.order_id
       WHERE o.order_id = :orderId
      """;

  @Override
  public void insert(final Order order) {
    Jdbc.insertOnce(
        "order " + order.orderId(),
        jdbc.sql(
                """
                INSERT INTO customer_order (order_id, customer_id, status, total_amount,
                  currency, total_weight_kg, payment_token, ship_name, ship_street, ship_city,
                  ship_postal_code, ship_country, express, gift_wrap, insurance,
                  correlation_id, created_at, updated_at)
                VALUES (:orderId, :customerId, :status, :total, :currency, :weight, :token,
                  :name, :street, :city, :postalCode, :country, :express, :giftWrap,
                  :insurance, :correlationId, :createdAt, :createdAt)
                """)
            .param("orderId", order.orderId())
            .param("customerId", order.customerId())
            .param("status", order.status().name())
            .param("total", order.total())
            .param("currency", order.currency())
            .param("weight", order.totalWeightKg())
            .param("token", order.paymentToken())
            .param("name", order.shippingAddress().name())
            .param("street", order.shippingAddress().street())
            .param("city", order.shippingAddress().city())
            .param("postalCode", order.shippingAddress().postalCode())
            .param("country", order.shippingAddress().country())
            .param("express", order.express())
            .param("giftWrap", order.giftWrap())
            .param("insurance", order.insurance())
            .param("correlationId", order.correlationId())
            .param("createdAt", ts(order.createdAt())));
    for (OrderLine line : order.lines()) {
      jdbc.sql(
              """
              INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price, line_total,
                unit_weight_kg)
              VALUES (:orderId, :lineNo, :sku, :quantity, :unitPrice, :lineTotal, :weight)
              """)
          .param("orderId", order.orderId())
          .param("lineNo", line.lineNo())
          .param("sku", line.sku())
          .param("quantity", line.quantity())
          .param("unitPrice", line.unitPrice())
          .param("lineTotal", line.lineTotal())
          .param("weight", line.unitWeightKg())
          .update();
    }
  }

  @Override
  public Optional<Order> find(final String orderId) {
    // The order row first: once it is visible its lines are too (same transaction). Reading the
    // lines first could see none of a concurrently committing order, then its row.
    final Optional<Order> order =
        Jdbc.byOrder(jdbc, SELECT_ORDER, orderId).query((rs, n) -> order(rs, List.of())).optional();
    if (order.isEmpty()) {
      return order;
    }
    final List<OrderLine> lines =
        Jdbc.byOrder(
                jdbc,
                "SELECT * FROM order_line WHERE order_id = :orderId ORDER BY line_no",
                orderId)
            .query(
                (rs, n) ->
                    new OrderLine(
                        rs.getInt("line_no"),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("line_total"),
                        rs.getBigDecimal("unit_weight_kg")))
            .list();
    return order.map(o -> o.withLines(lines));
  }

  @Override
  public List<OrderSummary> list(final OrderStatus status, final int offset, final int limit) {
    return jdbc.sql(
            """
            SELECT order_id, customer_id, status, total_amount, currency, process_instance_key,
                   created_at, updated_at
              FROM customer_order
             WHERE (:status IS NULL OR status = :status)
             ORDER BY created_at DESC, order_id DESC
             LIMIT :limit OFFSET :offset
            """)
        .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new OrderSummary(
                    rs.getString("order_id"),
                    rs.getString("customer_id"),
                    OrderStatus.valueOf(rs.getString("status")),
                    rs.getBigDecimal("total_amount"),
                    rs.getString("currency"),
                    longValue(rs, "process_instance_key"),
                    instant(rs, "created_at"),
                    instant(rs, "updated_at")))
        .list();
  }

  @Override
  public long count(final OrderStatus status) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM customer_order WHERE (:status IS NULL OR status = :status)")
        .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
        .query(Long.class)
        .single();
  }

  @Override
  public List<String> unfinished(final String afterOrderId, final int limit) {
    return jdbc.sql(
            """
            SELECT order_id FROM customer_order
             WHERE status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED') AND order_id > :after
             ORDER BY order_id
             LIMIT :limit
            """)
        .param("after", afterOrderId)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  @Override
  public boolean unlinkProcessInstance(
      final String orderId, final long staleKey, final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE customer_order SET process_instance_key = NULL, updated_at = :now
                 WHERE order_id = :orderId AND process_instance_key = :key
                   AND status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED')
                """)
            .param("now", ts(now))
            .param("orderId", orderId)
            .param("key", staleKey));
  }

  @Override
  public Optional<String> orderIdOf(final long processInstanceKey) {
    return jdbc.sql(
            """
            SELECT order_id FROM customer_order
             WHERE process_instance_key = :key
             ORDER BY CASE WHEN status IN ('COMPLETED', 'REJECTED', 'CANCELLED') THEN 1 ELSE 0 END,
                      updated_at DESC
             LIMIT 1
            """)
        .param("key", processInstanceKey)
        .query(String.class)
        .optional();
  }

  @Override
  public boolean linkProcessInstance(
      final String orderId, final long processInstanceKey, final Instant now) {
    return setOnce(orderId, "process_instance_key", processInstanceKey, now);
  }

  @Override
  public boolean advance(final String orderId, final OrderStatus status, final Instant now) {
    final List<String> before =
        Arrays.stream(OrderStatus.values())
            .filter(s -> !s.isTerminal() && status.isAfter(s))
            .map(Enum::name)
            .toList();
    if (before.isEmpty()) {
      return false;
    }
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE customer_order SET status = :status, updated_at = :now
                 WHERE order_id = :orderId AND status IN (:before)
                """)
            .param("status", status.name())
            .param("now", ts(now))
            .param("orderId", orderId)
            .param("before", before));
  }

  @Override
  public Optional<OrderStatus> lockStatus(final String orderId) {
    final String sql = "SELECT status FROM customer_order WHERE order_id = :orderId FOR UPDATE";
    return Jdbc.byOrder(jdbc, sql, orderId)
        .query(String.class)
        .optional()
        .map(OrderStatus::valueOf);
  }

  @Override
  public boolean markValidated(final String orderId, final int previousOrders, final Instant now) {
    final boolean counted = setOnce(orderId, "previous_orders", previousOrders, now);
    advance(orderId, OrderStatus.VALIDATED, now);
    return counted;
  }

  @Override
  public int countCompleted(final String customerId, final String excludingOrderId) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM customer_order
             WHERE customer_id = :customerId AND status = 'COMPLETED' AND order_id <> :orderId
            """)
        .param("customerId", customerId)
        .param("orderId", excludingOrderId)
        .query(Integer.class)
        .single();
  }

  @Override
  public boolean finish(
      final String orderId,
      final Outcome outcome,
      final RejectionReason reason,
      final String detail,
      final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE customer_order
                   SET status = :outcome, outcome = :outcome, rejection_reason = :reason,
                       rejection_detail = :detail, finished_at = :now, updated_at = :now
                 WHERE order_id = :orderId
                   AND status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED')
                """)
            .param("outcome", outcome.name())
            .param("reason", reason == null ? null : reason.name())
            .param("detail", detail)
            .param("now", ts(now))
            .param("orderId", orderId));
  }

  /**
   * Sets {@code column} (a constant) of the order's row unless it has a value already.
   *
   * @return true if it was set now
   */
  private boolean setOnce(
      final String orderId, final String column, final Object value, final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                "UPDATE customer_order SET "
                    + column
                    + " = :value, updated_at = :now WHERE order_id = :orderId AND "
                    + column
                    + " IS NULL")
            .param("value", value)
            .param("now", ts(now))
            .param("orderId", orderId));
  }

  private static Order order(final ResultSet rs, final List<OrderLine> lines) throws SQLException {
    final String outcome = rs.getString("outcome");
    final String reason = rs.getString("rejection_reason");
    final String paymentStatus = rs.getString("p_status");
    final String shipmentId = rs.getString("s_shipment_id");
    return new Order(
        rs.getString("order_id"),
        rs.getString("customer_id"),
        lines,
        rs.getBigDecimal("total_amount"),
        rs.getString("currency"),
        rs.getBigDecimal("total_weight_kg"),
        rs.getString("payment_token"),
        new ShippingAddress(
            rs.getString("ship_name"),
            rs.getString("ship_street"),
            rs.getString("ship_city"),
            rs.getString("ship_postal_code"),
            rs.getString("ship_country")),
        rs.getBoolean("express"),
        rs.getBoolean("gift_wrap"),
        rs.getBoolean("insurance"),
        OrderStatus.valueOf(rs.getString("status")),
        longValue(rs, "process_instance_key"),
        integer(rs, "previous_orders"),
        outcome == null ? null : Outcome.valueOf(outcome),
        reason == null ? null : RejectionReason.valueOf(reason),
        rs.getString("rejection_detail"),
        paymentStatus == null
            ? null
            : new PaymentSummary(
                paymentStatus,
                rs.getString("p_charge_id"),
                rs.getBigDecimal("p_amount"),
                rs.getBigDecimal("p_captured"),
                rs.getBigDecimal("p_refunded"),
                rs.getString("p_decline_reason")),
        shipmentId == null
            ? null
            : new ShipmentSummary(
                shipmentId,
                rs.getString("s_tracking_number"),
                rs.getString("s_status"),
                rs.getString("s_method"),
                rs.getString("s_carrier"),
                instant(rs, "s_estimated_delivery"),
                instant(rs, "s_delivered_at")),
        rs.getString("correlation_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "finished_at"));
  }
}
