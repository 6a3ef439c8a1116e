package com.example.fulfillment.notification.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.notification.NotificationRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code customer_notification}. */
public record JdbcNotificationRepository(JdbcClient jdbc) implements NotificationRepository {

  @Override
  public Optional<Instant> findSentAt(final String orderId, final String kind) {
    return Jdbc.orderRow(
        jdbc, "customer_notification", orderId, "kind", kind, (rs, n) -> instant(rs, "sent_at"));
  }

  @Override
  public void insert(
      final String orderId, final String kind, final String customerId, final Instant now) {
    Jdbc.insertOnce(
        jdbc,
        "notification " + kind + " of order " + orderId,
        "customer_notification",
        Map.of("order_id", orderId, "kind", kind, "customer_id", customerId, "sent_at", ts(now)));
  }
}
