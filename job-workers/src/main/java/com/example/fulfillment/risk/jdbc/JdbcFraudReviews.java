package com.example.fulfillment.risk.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.risk.FraudReviews;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code fraud_review}. */
public record JdbcFraudReviews(JdbcClient jdbc) implements FraudReviews {

  @Override
  public Optional<String> findOutcome(final String orderId) {
    return Jdbc.orderRow(jdbc, "fraud_review", orderId, (rs, n) -> rs.getString("outcome"));
  }

  @Override
  public void insert(
      final String orderId, final String outcome, final String reason, final Instant now) {
    Jdbc.insertOnce(
        "fraud review of order " + orderId,
        jdbc.sql(
                """
                INSERT INTO fraud_review (order_id, outcome, reason, reviewed_at)
                VALUES (:orderId, :outcome, :reason, :now)
                """)
            .param("orderId", orderId)
            .param("outcome", outcome)
            .param("reason", reason)
            .param("now", ts(now)));
  }
}
