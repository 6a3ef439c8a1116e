package com.example.fulfillment.payment.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.byName;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.payment.Payment;
import com.example.fulfillment.payment.PaymentRepository;
import com.example.fulfillment.payment.PaymentTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code payment}: our books, one row per order. */
public record JdbcPaymentRepository(JdbcClient jdbc) implements PaymentRepository {

  @Override
  public Optional<Payment> find(final String orderId) {
    return Jdbc.orderRow(jdbc, "payment", orderId, byName(Payment.class));
  }

  @Override
  public void insert(final Payment p, final Instant now) {
    Jdbc.insertOnce(
        "payment of order " + p.orderId(),
        jdbc.sql(
                """
                INSERT INTO payment (order_id, charge_id, charge_result, status, amount,
                  currency, captured_amount, refunded_amount, decline_reason, created_at,
                  updated_at)
                VALUES (:orderId, :chargeId, :result, :status, :amount, :currency, :captured,
                  :refunded, :reason, :now, :now)
                """)
            .param("orderId", p.orderId())
            .param("chargeId", p.chargeId())
            .param("result", p.chargeResult().name())
            .param("status", p.status().name())
            .param("amount", p.amount())
            .param("currency", p.currency())
            .param("captured", p.capturedAmount())
            .param("refunded", p.refundedAmount())
            .param("reason", p.declineReason())
            .param("now", ts(now)));
  }

  @Override
  public boolean capture(final String orderId, final Instant now) {
    return settleAuthorization(orderId, now, "status = 'CHARGED', captured_amount = amount");
  }

  @Override
  public boolean voidAuthorization(final String orderId, final Instant now) {
    return settleAuthorization(orderId, now, "status = 'VOIDED'");
  }

  /** Ends a pending authorization with {@code changes} (a constant SET clause); once only. */
  private boolean settleAuthorization(
      final String orderId, final Instant now, final String changes) {
    return Jdbc.changedOne(
        jdbc.sql(
                "UPDATE payment SET "
                    + changes
                    + ", updated_at = :now"
                    + " WHERE order_id = :orderId AND status = 'PENDING_CONFIRMATION'")
            .param("now", ts(now))
            .param("orderId", orderId));
  }

  @Override
  public boolean refund(final String orderId, final BigDecimal amount, final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE payment SET status = 'REFUNDED', refunded_amount = :amount, updated_at = :now
                 WHERE order_id = :orderId AND status = 'CHARGED' AND :amount <= captured_amount
                """)
            .param("amount", amount)
            .param("now", ts(now))
            .param("orderId", orderId));
  }

  @Override
  public PaymentTotals totals() {
    return jdbc.sql(
            """
            SELECT COALESCE(SUM(captured_amount), 0) AS captured,
                   COALESCE(SUM(refunded_amount), 0) AS refunded
              FROM payment
            """)
        .query(
            (rs, n) ->
                new PaymentTotals(rs.getBigDecimal("captured"), rs.getBigDecimal("refunded")))
        .single();
  }
}
