package com.example.fulfillment.app.events.outbound;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A domain event as a CloudEvent 1.0 (docs/events.md, "Event catalog"): {@code subject} = the order
 * id, {@code dataschema} names the type and the schema version, and the extension attributes
 * {@value #CORRELATION_ID} (the request that placed the order) and {@value #CAUSATION_ID} (the
 * request, Zeebe job or event that caused this one), and the CloudEvents distributed-tracing
 * extension: {@value #TRACEPARENT} and {@value #TRACESTATE}, the W3C context of the span that
 * published it (a child of the order's trace). Built with the CloudEvents SDK's builder and written
 * in its JSON event format.
 *
 * @param data the event data, JSON
 * @param dataSchema where the schema of {@code data} is served ({@code DataSchemas})
 * @param schemaVersion the version of the type's schema {@code dataSchema} names (it picks the
 *     routing key: {@code EventSchemas.routingKey})
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
    URI dataSchema,
    int schemaVersion,
    String traceparent,
    String tracestate) {

  public static final String DATA_CONTENT_TYPE = "application/json";
  public static final String CORRELATION_ID = "correlationid";
  public static final String CAUSATION_ID = "causationid";
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final EventFormat FORMAT = new JsonFormat();

  public static OutboundCloudEvent of(final OutboxEvent event, final EventOrigin origin) {
    return new OutboundCloudEvent(
        event.eventId(),
        origin.source(),
        event.type(),
        event.orderId(),
        event.occurredAt(),
        event.correlationId(),
        event.causationId(),
        event.data(),
        origin.dataSchemaOf().apply(event.type(), event.schemaVersion()),
        event.schemaVersion(),
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
        dataSchema,
        schemaVersion,
        traceparent,
        tracestate == null || tracestate.isEmpty() ? null : tracestate);
  }

  /** This event in the SDK's form. */
  public CloudEvent toCloudEvent() {
    final CloudEventBuilder event =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create(source))
            .withType(type)
            .withSubject(subject)
            .withTime(time.atOffset(ZoneOffset.UTC))
            .withDataContentType(DATA_CONTENT_TYPE)
            .withDataSchema(dataSchema)
            // the stored JSON as bytes: the format writes JSON bytes verbatim (re-parsing could
            // turn 58.00 into 58.0)
            .withData(data.getBytes(StandardCharsets.UTF_8));
    extension(event, CORRELATION_ID, correlationId);
    extension(event, CAUSATION_ID, causationId);
    extension(event, TRACEPARENT, traceparent);
    extension(event, TRACESTATE, tracestate);
    return event.build();
  }

  /** The structured-mode JSON ({@code application/cloudevents+json}). */
  public byte[] toJson() {
    return FORMAT.serialize(toCloudEvent());
  }

  private static void extension(
      final CloudEventBuilder event, final String name, final String value) {
    if (value != null) {
      event.withExtension(name, value);
    }
  }
}
