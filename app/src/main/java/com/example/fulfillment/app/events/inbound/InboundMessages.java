package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages the app accepted for orders' processes (table {@code inbound_message}), keyed by
 * message id: the database half of the ingress's deduplication, and what an embedded-engine restart
 * re-publishes.
 */
@Component
public class InboundMessages {

  /** An accepted message; {@code publishedAt} is null until the engine took it. */
  public record Stored(
      String messageId,
      String orderId,
      String messageName,
      String source,
      String eventType,
      Map<String, Object> variables,
      Instant receivedAt,
      Instant publishedAt) {}

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  InboundMessages(final JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the message unless its id is known; true if it was new. */
  public boolean claim(final Stored message) {
    return jdbc.sql(
                """
                INSERT INTO inbound_message (message_id, order_id, message_name, source, event_type,
                  variables, received_at)
                VALUES (:id, :orderId, :name, :source, :type, :variables, :at)
                ON CONFLICT DO NOTHING
                """)
            .param("id", message.messageId())
            .param("orderId", message.orderId())
            .param("name", message.messageName())
            .param("source", message.source())
            .param("type", message.eventType())
            .param("variables", write(message.variables()))
            .param("at", Jdbc.ts(message.receivedAt()))
            .update()
        == 1;
  }

  public Optional<Stored> find(final String messageId) {
    return jdbc.sql("SELECT * FROM inbound_message WHERE message_id = :id")
        .param("id", messageId)
        .query((rs, n) -> stored(rs))
        .optional();
  }

  public void markPublished(final String messageId, final Instant at) {
    jdbc.sql(
            "UPDATE inbound_message SET published_at = :at WHERE message_id = :id AND published_at IS NULL")
        .param("at", Jdbc.ts(at))
        .param("id", messageId)
        .update();
  }

  /** The order's accepted messages, in the order they were received. */
  public List<Stored> ofOrder(final String orderId) {
    return jdbc.sql(
            "SELECT * FROM inbound_message WHERE order_id = :orderId ORDER BY received_at, message_id")
        .param("orderId", orderId)
        .query((rs, n) -> stored(rs))
        .list();
  }

  /** Forgets messages received before {@code cutoff} (the retention window); returns how many. */
  public int deleteReceivedBefore(final Instant cutoff) {
    return jdbc.sql("DELETE FROM inbound_message WHERE received_at < :cutoff")
        .param("cutoff", Jdbc.ts(cutoff))
        .update();
  }

  private Stored stored(final java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Stored(
        rs.getString("message_id"),
        rs.getString("order_id"),
        rs.getString("message_name"),
        rs.getString("source"),
        rs.getString("event_type"),
        read(rs.getString("variables")),
        Jdbc.instant(rs, "received_at"),
        Jdbc.instant(rs, "published_at"));
  }

  private String write(final Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("message variables are not JSON", e);
    }
  }

  private Map<String, Object> read(final String text) {
    try {
      return json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message variables are not JSON", e);
    }
  }
}
