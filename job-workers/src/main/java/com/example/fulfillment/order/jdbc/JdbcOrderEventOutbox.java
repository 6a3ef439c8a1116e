package com.example.fulfillment.order.jdbc;

import com.example.fulfillment.common.Causation;
import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEvents;
import com.example.fulfillment.order.PublishedVersions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox: {@link OrderEvents} as rows of table {@code outbox_event}, inserted in
 * the caller's transaction. A relay (app module) publishes them and marks them published.
 *
 * <p>Per row: a deterministic event id (order id, the order's creation time and the type), so
 * recording the same event twice inserts one row; {@code seq} (identity) orders an order's events;
 * the order's correlation id (the request that placed it) and the current {@link Causation}; the
 * event's data as JSON ({@link OrderEventData}) and its schema version; the W3C {@code traceparent}
 * of the span that recorded it (e.g. the job's), so its publish continues the order's trace. The
 * data deliberately carries no payment token, address or personal data beyond the customer id.
 */
public record JdbcOrderEventOutbox(
    JdbcClient jdbc, Tracer tracer, Propagator propagator, PublishedVersions versions)
    implements OrderEvents {

  private static final int MAX_CAUSATION = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACEPARENT = "traceparent";

  /** An outbox that writes the newest version of each type only. */
  public JdbcOrderEventOutbox(
      final JdbcClient jdbc, final Tracer tracer, final Propagator propagator) {
    this(jdbc, tracer, propagator, PublishedVersions.LATEST_ONLY);
  }

  /** Inserts one row per published version of the event's type ({@link PublishedVersions}). */
  @Override
  public void record(final OrderEvent event) {
    final Optional<OrderRow> order =
        Jdbc.byOrder(
                jdbc,
                "SELECT correlation_id, created_at FROM customer_order WHERE order_id = :orderId",
                event.orderId())
            .query(
                (rs, n) ->
                    new OrderRow(rs.getString("correlation_id"), Jdbc.instant(rs, "created_at")))
            .optional();
    final Instant placedAt = order.map(OrderRow::createdAt).orElse(null);
    final String correlationId = order.map(OrderRow::correlationId).orElse(event.orderId());
    final String causationId = Causation.current().map(JdbcOrderEventOutbox::clip).orElse(null);
    final String traceparent = traceparent();
    for (int version : versions.of(event.type())) {
      jdbc.sql(
              """
              INSERT INTO outbox_event (event_id, order_id, event_type, schema_version, data,
                correlation_id, causation_id, traceparent, occurred_at, attempts, next_attempt_at)
              VALUES (:eventId, :orderId, :type, :version, :data, :correlationId, :causationId,
                :traceparent, :occurredAt, 0, :occurredAt)
              ON CONFLICT DO NOTHING
              """)
          .param("eventId", eventId(event, placedAt, version))
          .param("orderId", event.orderId())
          .param("type", event.type())
          .param("version", version)
          .param("data", write(OrderEventData.of(event, version)))
          .param("correlationId", correlationId)
          .param("causationId", causationId)
          .param("traceparent", traceparent)
          .param("occurredAt", Jdbc.ts(event.occurredAt()))
          .update();
    }
  }

  /** The current span's W3C {@code traceparent}, null outside a span. */
  private String traceparent() {
    final TraceContext context = tracer.currentTraceContext().context();
    if (context == null) {
      return null;
    }
    final Map<String, String> carrier = new HashMap<>();
    propagator.inject(context, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  private record OrderRow(String correlationId, Instant createdAt) {}

  /**
   * Same order (and placement), type and version → same id: a consumer's dedupe key. Version 1
   * keeps the id it had before versions existed; each later version of the same fact has an id of
   * its own (one id per published message), and all share the subject (the order id).
   */
  static String eventId(final OrderEvent event, final Instant placedAt, final int version) {
    final String name =
        event.orderId()
            + "|"
            + placedAt
            + "|"
            + event.type()
            + (version == 1 ? "" : "|v" + version);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String write(final Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not JSON", e);
    }
  }

  private static String clip(final String text) {
    return text.length() <= MAX_CAUSATION ? text : text.substring(0, MAX_CAUSATION);
  }
}
