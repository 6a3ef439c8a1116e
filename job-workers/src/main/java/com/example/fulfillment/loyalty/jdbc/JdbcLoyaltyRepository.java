package com.example.fulfillment.loyalty.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.loyalty.LoyaltyRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code loyalty_award}. */
public record JdbcLoyaltyRepository(JdbcClient jdbc) implements LoyaltyRepository {

  @Override
  public Optional<Integer> findPoints(final String orderId) {
    return Jdbc.orderRow(jdbc, "loyalty_award", orderId, (rs, n) -> rs.getInt("points"));
  }

  @Override
  public void insert(
      final String orderId, final String customerId, final int points, final Instant now) {
    Jdbc.insertOnce(
        jdbc,
        "loyalty award of order " + orderId,
        "loyalty_award",
        Map.of(
            "order_id",
            orderId,
            "customer_id",
            customerId,
            "points",
            points,
            "awarded_at",
            ts(now)));
  }

  @Override
  public int balance(final String customerId) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(points), 0) FROM loyalty_award WHERE customer_id = :customerId")
        .param("customerId", customerId)
        .query(Integer.class)
        .single();
  }
}
