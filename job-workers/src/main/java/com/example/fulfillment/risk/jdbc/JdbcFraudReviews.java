package com.example.fulfillment.risk.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.risk.FraudReviews;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code fraud_review}. */
public record JdbcFraudReviews(JdbcClient jdbc) implements FraudReviews {

  private static final String TABLE = "fraud_review";

  @Override
  public void insert(
      final String orderId, final String outcome, final String reason, final Instant now) {
    final Map<String, Object> row =
        Map.of("order_id", orderId, "outcome", outcome, "reason", reason, "reviewed_at", ts(now));
    Jdbc.insertOnce(jdbc, "fraud review of order " + orderId, TABLE, row);
  }

  @Override
  public Optional<String> findOutcome(final String orderId) {
    return Jdbc.orderRow(jdbc, TABLE, orderId, (rs, n) -> rs.getString("outcome"));
  }
}
