package com.example.fulfillment.analytics.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.analytics.SalesRepository;
import com.example.fulfillment.common.jdbc.Jdbc;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code sale}. */
public record JdbcSalesRepository(JdbcClient jdbc) implements SalesRepository {

  @Override
  public Optional<Instant> findRecordedAt(final String orderId) {
    return Jdbc.orderRow(jdbc, "sale", orderId, (rs, n) -> instant(rs, "recorded_at"));
  }

  @Override
  public void insert(
      final String orderId,
      final String customerId,
      final BigDecimal amount,
      final String currency,
      final Instant now) {
    Jdbc.insertOnce(
        "sale of order " + orderId,
        jdbc.sql(
                """
                INSERT INTO sale (order_id, customer_id, amount, currency, recorded_at)
                VALUES (:orderId, :customerId, :amount, :currency, :now)
                """)
            .param("orderId", orderId)
            .param("customerId", customerId)
            .param("amount", amount)
            .param("currency", currency)
            .param("now", ts(now)));
  }

  @Override
  public BigDecimal revenue() {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM sale").query(BigDecimal.class).single();
  }
}
