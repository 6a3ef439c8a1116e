package com.example.fulfillment.app.events.inbound;

import java.util.Map;

/**
 * A CloudEvent (1.0) as it arrived, in any binding (HTTP structured or binary mode, AMQP structured
 * or binary mode): the context attributes and the JSON data as a map. Nothing is checked yet:
 * {@link EventIngress#accept} validates.
 *
 * @param data the event's JSON data object (null if it has none)
 * @param traceparent the CloudEvents distributed-tracing extension: W3C context of the sender (null
 *     if none; in HTTP binary mode it is the request's own {@code traceparent} header)
 * @param tracestate its W3C {@code tracestate} (null if none)
 * @param dataSchema the {@code dataschema} attribute: names the schema (and so the version) of the
 *     data, {@code …/schemas/events/<type>/<version>} (null: version 1)
 */
public record IncomingEvent(
    String specVersion,
    String id,
    String source,
    String type,
    String subject,
    String dataContentType,
    String time,
    Map<String, Object> data,
    String traceparent,
    String tracestate,
    String dataSchema) {

  /** An event without trace context and {@code dataschema} (version 1 of its type). */
  public IncomingEvent(
      final String specVersion,
      final String id,
      final String source,
      final String type,
      final String subject,
      final String dataContentType,
      final String time,
      final Map<String, Object> data) {
    this(specVersion, id, source, type, subject, dataContentType, time, data, null, null, null);
  }
}
