package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.WebhookProperties;
import com.example.fulfillment.common.jdbc.Jdbc;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook-id}s of the webhook messages the app accepted (table {@code
 * webhook_delivery}): a replayed message is refused by id. Kept only as long as a timestamp can
 * pass the replay window; older ones are refused by their timestamp anyway.
 */
@Component
record WebhookDeliveries(JdbcClient jdbc, WebhookProperties properties, Clock clock) {

  boolean isKnown(final String webhookId) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = :id")
            .param("id", webhookId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Remembers an accepted message and forgets those that can no longer pass the window. */
  void accepted(final String webhookId) {
    final Instant at = clock.instant();
    // a timestamp older than twice the tolerance cannot pass the window any more
    final Instant forgetBefore = at.minus(properties.tolerance().multipliedBy(2));
    jdbc.sql(
            "INSERT INTO webhook_delivery (webhook_id, received_at) VALUES (:id, :at)"
                + " ON CONFLICT DO NOTHING")
        .param("id", webhookId)
        .param("at", Jdbc.ts(at))
        .update();
    jdbc.sql("DELETE FROM webhook_delivery WHERE received_at < :cutoff")
        .param("cutoff", Jdbc.ts(forgetBefore))
        .update();
  }
}
