package com.example.fulfillment.app.events.inbound;

import java.util.Map;

/**
 * A CloudEvent (1.0) as it arrived, in any binding (HTTP structured or binary mode, AMQP structured
 * or binary mode): the context attributes and the JSON data as a map. Nothing is checked yet:
 * {@link EventIngress#accept} validates.
 *
 * @param data the event's JSON data object (null if it has none)
 */
public record IncomingEvent(
    String specVersion,
    String id,
    String source,
    String type,
    String subject,
    String dataContentType,
    String time,
    Map<String, Object> data) {}
