package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.app.events.CloudEventJson;
import com.example.fulfillment.order.OrderEventTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;

/**
 * A domain event as a CloudEvent 1.0 (docs/events.md, "Event catalog"): {@code subject} = the order
 * id, {@code dataschema} names the type and the schema version, and the extension attributes
 * {@value #CORRELATION_ID} (the request that placed the order) and {@value #CAUSATION_ID} (the
 * request, Zeebe job or event that caused this one), and the CloudEvents distributed-tracing
 * extension: {@value #TRACEPARENT} and {@value #TRACESTATE}, the W3C context of the span that
 * published it (a child of the order's trace).
 *
 * @param data the event data, JSON
 * @param traceparent W3C {@code traceparent} (null when not traced)
 * @param tracestate W3C {@code tracestate} (null or empty when none)
 */
public record OutboundCloudEvent(
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String correlationId,
    String causationId,
    String data,
    String traceparent,
    String tracestate) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";
  public static final String CORRELATION_ID = "correlationid";
  public static final String CAUSATION_ID = "causationid";
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  /** {@code dataschema} = this + type + "/" + version, e.g. {@code …/com.example.order.paid/1}. */
  public static final String DATA_SCHEMA_BASE = "https://fulfillment.example.com/schemas/events/";

  public static OutboundCloudEvent of(final OutboxEvent event, final String source) {
    return new OutboundCloudEvent(
        event.eventId(),
        source,
        event.type(),
        event.orderId(),
        event.occurredAt(),
        event.correlationId(),
        event.causationId(),
        event.data(),
        null,
        null);
  }

  /** This event as published in the given trace context (distributed-tracing extension). */
  public OutboundCloudEvent withTrace(final String traceparent, final String tracestate) {
    return new OutboundCloudEvent(
        id,
        source,
        type,
        subject,
        time,
        correlationId,
        causationId,
        data,
        traceparent,
        tracestate == null || tracestate.isEmpty() ? null : tracestate);
  }

  public String dataSchema() {
    return DATA_SCHEMA_BASE + type + "/" + OrderEventTypes.SCHEMA_VERSION;
  }

  /** The structured-mode JSON ({@value CloudEventJson#MEDIA_TYPE}). */
  public byte[] toJson(final ObjectMapper json) {
    final ObjectNode node = json.createObjectNode();
    node.put("specversion", SPEC_VERSION);
    node.put("id", id);
    node.put("source", source);
    node.put("type", type);
    node.put("subject", subject);
    node.put("time", time.toString());
    node.put("datacontenttype", DATA_CONTENT_TYPE);
    node.put("dataschema", dataSchema());
    if (correlationId != null) {
      node.put(CORRELATION_ID, correlationId);
    }
    if (causationId != null) {
      node.put(CAUSATION_ID, causationId);
    }
    if (traceparent != null) {
      node.put(TRACEPARENT, traceparent);
    }
    if (tracestate != null) {
      node.put(TRACESTATE, tracestate);
    }
    // verbatim: re-parsing could turn 58.00 into 58.0
    node.putRawValue("data", new RawValue(data));
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + id + " cannot be written", e);
    }
  }
}
