package com.example.fulfillment.order.jdbc;

import com.example.fulfillment.common.Causation;
import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEventTypes;
import com.example.fulfillment.order.OrderEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * event's data as JSON, the schema of the event catalog (docs/events.md); the W3C {@code
 * traceparent} of the span that recorded it (e.g. the job's), so its publish continues the order's
 * trace. The data deliberately carries no payment token, address or personal data beyond the
 * customer id.
 */
public record JdbcOrderEventOutbox(JdbcClient jdbc, Tracer tracer, Propagator propagator)
    implements OrderEvents {

  /** Version of every data schema below; bump it with the {@code dataschema} when one changes. */
  private static final int MAX_CAUSATION = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACEPARENT = "traceparent";

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
    jdbc.sql(
            """
            INSERT INTO outbox_event (event_id, order_id, event_type, data, correlation_id,
              causation_id, traceparent, occurred_at, attempts, next_attempt_at)
            VALUES (:eventId, :orderId, :type, :data, :correlationId, :causationId, :traceparent,
              :occurredAt, 0, :occurredAt)
            ON CONFLICT DO NOTHING
            """)
        .param("eventId", eventId(event, placedAt))
        .param("orderId", event.orderId())
        .param("type", event.type())
        .param("data", write(data(event)))
        .param("correlationId", order.map(OrderRow::correlationId).orElse(event.orderId()))
        .param("causationId", Causation.current().map(JdbcOrderEventOutbox::clip).orElse(null))
        .param("traceparent", traceparent())
        .param("occurredAt", Jdbc.ts(event.occurredAt()))
        .update();
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

  /** Same order (and placement), same type → same id: a consumer's dedupe key. */
  static String eventId(final OrderEvent event, final Instant placedAt) {
    final String name = event.orderId() + "|" + placedAt + "|" + event.type();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The data of each event type: the catalog's schema, version {@value
   * OrderEventTypes#SCHEMA_VERSION}.
   */
  static Map<String, Object> data(final OrderEvent event) {
    final Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", event.orderId());
    switch (event) {
      case OrderEvent.Accepted a -> {
        data.put("customerId", a.customerId());
        data.put("total", money(a.total(), a.currency()));
        data.put("lines", a.lines().stream().map(l -> line(l, a.currency())).toList());
        data.put("express", a.express());
        data.put("giftWrap", a.giftWrap());
        data.put("insurance", a.insurance());
        data.put("shippingCountry", a.shippingCountry());
      }
      case OrderEvent.Paid p -> {
        data.put("amount", money(p.amount(), p.currency()));
        data.put("chargeId", p.chargeId());
        data.put("afterConfirmation", p.afterConfirmation());
      }
      case OrderEvent.Shipped s -> {
        data.put("shipmentId", s.shipmentId());
        data.put("trackingNumber", s.trackingNumber());
        data.put("shippingMethod", s.shippingMethod());
        data.put("carrier", s.carrier());
        data.put("estimatedDelivery", text(s.estimatedDelivery()));
      }
      case OrderEvent.Completed c -> {
        data.put("customerId", c.customerId());
        data.put("total", money(c.total(), c.currency()));
      }
      case OrderEvent.Rejected r -> {
        data.put("customerId", r.customerId());
        data.put("reason", r.reason() == null ? null : r.reason().name());
        data.put("detail", r.detail());
      }
      case OrderEvent.Cancelled c -> {
        data.put("customerId", c.customerId());
        data.put("previousStatus", c.previousStatus().name());
      }
    }
    return data;
  }

  private static Map<String, Object> line(
      final OrderEvent.Accepted.Line line, final String currency) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("sku", line.sku());
    json.put("quantity", line.quantity());
    json.put("lineTotal", money(line.lineTotal(), currency));
    return json;
  }

  private static Map<String, Object> money(final BigDecimal amount, final String currency) {
    final Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", amount);
    money.put("currency", currency);
    return money;
  }

  private static String text(final Instant instant) {
    return instant == null ? null : instant.toString();
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
