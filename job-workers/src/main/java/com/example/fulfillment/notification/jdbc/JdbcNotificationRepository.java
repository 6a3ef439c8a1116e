package com.example.fulfillment.notification.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.notification.NotificationRepository;
import java.time.Instant;
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
        "notification " + kind + " of order " + orderId,
        jdbc.sql(
                """
                INSERT INTO customer_notification (order_id, kind, customer_id, sent_at)
                VALUES (:orderId, :kind, :customerId, :now)
                """)
            .param("orderId", orderId)
            .param("kind", kind)
            .param("customerId", customerId)
            .param("now", ts(now)));
  }
}
