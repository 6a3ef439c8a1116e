package com.example.fulfillment.shipping.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.byName;
import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.shipping.InsurancePolicy;
import com.example.fulfillment.shipping.Shipment;
import com.example.fulfillment.shipping.ShipmentRepository;
import com.example.fulfillment.shipping.ShipmentStatus;
import com.example.fulfillment.shipping.ShippingMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tables {@code shipment}, {@code shipment_insurance} and {@code delivery_escalation}. */
public record JdbcShipmentRepository(JdbcClient jdbc) implements ShipmentRepository {

  private static final String OPEN = "('CREATED', 'ASSIGNED', 'SCHEDULED')";

  @Override
  public Optional<Shipment> findByOrder(final String orderId) {
    return Jdbc.orderRow(jdbc, "shipment", orderId, JdbcShipmentRepository::shipment);
  }

  @Override
  public Optional<Shipment> find(final String shipmentId) {
    return Jdbc.rowBy(
        jdbc, "shipment", "shipment_id", shipmentId, JdbcShipmentRepository::shipment);
  }

  @Override
  public void insert(final Shipment s, final Instant now) {
    Jdbc.insertOnce(
        "shipment of order " + s.orderId(),
        jdbc.sql(
                """
                INSERT INTO shipment (shipment_id, order_id, tracking_number, status,
                  created_at, updated_at)
                VALUES (:id, :orderId, :tracking, :status, :now, :now)
                """)
            .param("id", s.shipmentId())
            .param("orderId", s.orderId())
            .param("tracking", s.trackingNumber())
            .param("status", s.status().name())
            .param("now", ts(now)));
  }

  @Override
  public boolean assign(
      final String shipmentId,
      final ShippingMethod method,
      final String carrier,
      final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE shipment SET status = 'ASSIGNED', shipping_method = :method,
                       carrier = :carrier, updated_at = :now
                 WHERE shipment_id = :id AND status = 'CREATED'
                """)
            .param("method", method.name())
            .param("carrier", carrier)
            .param("now", ts(now))
            .param("id", shipmentId));
  }

  @Override
  public boolean schedule(final String shipmentId, final Instant eta, final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE shipment SET status = 'SCHEDULED', estimated_delivery = :eta,
                       updated_at = :now
                 WHERE shipment_id = :id AND status = 'ASSIGNED'
                """)
            .param("eta", ts(eta))
            .param("now", ts(now))
            .param("id", shipmentId));
  }

  @Override
  public boolean markDelivered(final String orderId, final Instant deliveredAt, final Instant now) {
    return close(orderId, "status = 'DELIVERED', delivered_at = :at", deliveredAt, now);
  }

  @Override
  public boolean cancel(final String orderId, final Instant now) {
    return close(orderId, "status = 'CANCELLED', cancelled_at = :at", now, now);
  }

  /**
   * Ends the order's open shipment with {@code changes} (a constant SET clause, {@code :at} its
   * time); once only.
   */
  private boolean close(
      final String orderId, final String changes, final Instant at, final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                "UPDATE shipment SET "
                    + changes
                    + ", updated_at = :now WHERE order_id = :orderId AND status IN "
                    + OPEN)
            .param("at", ts(at))
            .param("now", ts(now))
            .param("orderId", orderId));
  }

  @Override
  public Optional<InsurancePolicy> findInsurance(final String orderId) {
    return Jdbc.orderRow(jdbc, "shipment_insurance", orderId, byName(InsurancePolicy.class));
  }

  @Override
  public void insertInsurance(final InsurancePolicy p, final Instant now) {
    Jdbc.insertOnce(
        "insurance of order " + p.orderId(),
        jdbc.sql(
                """
                INSERT INTO shipment_insurance (order_id, policy_number, insured_amount,
                  premium, currency, created_at)
                VALUES (:orderId, :policy, :insured, :premium, :currency, :now)
                """)
            .param("orderId", p.orderId())
            .param("policy", p.policyNumber())
            .param("insured", p.insuredAmount())
            .param("premium", p.premium())
            .param("currency", p.currency())
            .param("now", ts(now)));
  }

  @Override
  public Optional<Instant> findEscalation(final String orderId, final String shipmentId) {
    final RowMapper<Instant> escalatedAt = (rs, n) -> instant(rs, "escalated_at");
    return Jdbc.orderRow(
        jdbc, "delivery_escalation", orderId, "shipment_id", shipmentId, escalatedAt);
  }

  @Override
  public void insertEscalation(final String orderId, final String shipmentId, final Instant now) {
    Jdbc.insertOnce(
        "escalation of order " + orderId,
        jdbc.sql(
                """
                INSERT INTO delivery_escalation (order_id, shipment_id, escalated_at)
                VALUES (:orderId, :shipmentId, :now)
                """)
            .param("orderId", orderId)
            .param("shipmentId", shipmentId)
            .param("now", ts(now)));
  }

  private static Shipment shipment(final ResultSet rs, final int n) throws SQLException {
    final String method = rs.getString("shipping_method");
    return new Shipment(
        rs.getString("shipment_id"),
        rs.getString("order_id"),
        rs.getString("tracking_number"),
        ShipmentStatus.valueOf(rs.getString("status")),
        method == null ? null : ShippingMethod.valueOf(method),
        rs.getString("carrier"),
        instant(rs, "estimated_delivery"),
        instant(rs, "delivered_at"),
        instant(rs, "cancelled_at"));
  }
}
