package com.example.fulfillment.app.events.outbound;

import java.time.Instant;

/**
 * A row of the outbox (table {@code outbox_event}) as the relay reads it.
 *
 * @param seq the order of recording (an order's events are published in this order)
 * @param schemaVersion the version of the type's schema {@code data} follows
 * @param data the event data, JSON
 * @param attempts failed publish attempts so far
 * @param traceparent W3C trace context of the span that recorded it (null if none)
 */
public record OutboxEvent(
    long seq,
    String eventId,
    String orderId,
    String type,
    int schemaVersion,
    String data,
    String correlationId,
    String causationId,
    Instant occurredAt,
    int attempts,
    String traceparent) {}
