package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.inbound.EventForUnknownOrderException;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.events.inbound.InvalidEventException;
import com.example.fulfillment.app.events.rabbit.Redelivery.Category;
import com.example.fulfillment.app.tracing.Tracing;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Consumes the inbound queue with manual acknowledgements and hands each event to the same {@link
 * EventIngress} as the HTTP webhook (message id = event id, so a duplicate delivery has one
 * effect). A message is acknowledged only after it is dealt with:
 *
 * <ul>
 *   <li>the engine took it (or it was a duplicate, or its order has ended): ack;
 *   <li><b>business reject</b>, dead-lettered at once: not a CloudEvent of a handled type ({@code
 *       invalid-event}); an order that still does not exist {@code unknown-order-ttl} after the
 *       message first arrived ({@code unknown-order}; until then it is retried: the order may be
 *       recorded a moment later);
 *   <li><b>technical failure</b> (engine unreachable, database away, anything unexpected): to the
 *       retry queue with backoff, as delivery {@code n + 1}; after {@code max-attempts} deliveries
 *       dead-lettered ({@code retries-exhausted}).
 * </ul>
 *
 * Retry and dead-letter copies are published with a broker confirm before the original is
 * acknowledged. If that publish fails the original is rejected with requeue: the broker keeps it.
 *
 * <p>Tracing: a span {@code consume <queue>} per readable delivery, continuing the event's trace
 * context (CloudEvents distributed-tracing extension: {@code traceparent} in the structured body or
 * a {@code cloudEvents:traceparent} header; else a plain {@code traceparent} header).
 */
public record InboundEventConsumer(
    EventIngress ingress,
    CloudEventMessages messages,
    Redelivery redelivery,
    Clock clock,
    RabbitEventProperties properties,
    MeterRegistry meters,
    Tracing tracing)
    implements ChannelAwareMessageListener {

  public static final String INBOUND = "fulfillment.events.inbound";

  private static final Logger LOG = LoggerFactory.getLogger(InboundEventConsumer.class);
  private static final String MDC_EVENT_ID = "eventId";

  /** What became of a delivery. */
  sealed interface Disposition {
    record Handled(EventIngress.Result result) implements Disposition {}

    record Retry(Duration delay, String error) implements Disposition {}

    record DeadLetter(Category category, String reason) implements Disposition {}
  }

  /**
   * Technical failures (e.g. {@link com.example.fulfillment.app.engine.EngineUnavailableException})
   * are retried, business rejects dead-lettered; see the class comment.
   */
  @Override
  public void onMessage(final Message message, final Channel channel) throws IOException {
    final long tag = message.getMessageProperties().getDeliveryTag();
    final Map<String, Object> headers = message.getMessageProperties().getHeaders();
    final int attempt = Math.max(1, Redelivery.number(headers.get(InboundHeaders.ATTEMPT)));
    final Instant now = clock.instant();
    final Instant firstReceived = firstReceived(headers, now);
    if (!headers.containsKey(InboundHeaders.FIRST_RECEIVED_AT)) {
      headers.put(InboundHeaders.FIRST_RECEIVED_AT, firstReceived.toString());
    }
    try {
      final Disposition disposition = dispose(message, attempt, firstReceived, now);
      switch (disposition) {
        case Disposition.Handled h -> count(h.result().name().toLowerCase(java.util.Locale.ROOT));
        case Disposition.Retry r -> {
          redelivery.retry(message, attempt + 1, r.delay(), r.error());
          count("retried");
          LOG.warn(
              "Inbound event {} (delivery {} of {}) failed, retry in {}: {}",
              eventId(),
              attempt,
              properties.maxAttempts(),
              r.delay(),
              r.error());
        }
        case Disposition.DeadLetter d -> {
          redelivery.deadLetter(message, d.category(), d.reason(), now);
          count("dead_lettered");
          LOG.warn(
              "Inbound event {} dead-lettered ({}): {}",
              eventId(),
              d.category().header(),
              d.reason());
        }
      }
      channel.basicAck(tag, false);
    } catch (RuntimeException e) {
      // the retry or dead-letter copy did not reach the broker: leave the message to it
      LOG.warn("Inbound message could not be moved on, requeued: {}", e.toString());
      channel.basicNack(tag, false, true);
    } finally {
      MDC.remove(MDC_EVENT_ID);
    }
  }

  Disposition dispose(
      final Message message, final int attempt, final Instant firstReceived, final Instant now) {
    final IncomingEvent event;
    try {
      event = messages.read(message);
    } catch (InvalidEventException e) {
      return new Disposition.DeadLetter(Category.INVALID_EVENT, describe(e));
    }
    if (event.id() != null) {
      MDC.put(MDC_EVENT_ID, event.id());
    }
    final Span span = consumeSpan(message, event, attempt);
    try (var inSpan = tracing.tracer().withSpan(span)) {
      final Disposition disposition = handle(event, attempt, firstReceived, now);
      span.tag("disposition", disposition.getClass().getSimpleName());
      return disposition;
    } finally {
      span.end();
    }
  }

  private Span consumeSpan(final Message message, final IncomingEvent event, final int attempt) {
    final Map<String, String> context = new HashMap<>();
    final Object header = message.getMessageProperties().getHeaders().get("traceparent");
    final String traceparent =
        event.traceparent() != null
            ? event.traceparent()
            : header == null ? null : header.toString();
    if (traceparent != null) {
      context.put("traceparent", traceparent);
      if (event.tracestate() != null) {
        context.put("tracestate", event.tracestate());
      }
    }
    final String queue = message.getMessageProperties().getConsumerQueue();
    return tracing
        .propagator()
        .extract(context, Map::get)
        .name("consume " + (queue == null ? "inbound" : queue))
        .kind(Span.Kind.CONSUMER)
        .tag("messaging.system", "rabbitmq")
        .tag("messaging.delivery", attempt)
        .start();
  }

  private Disposition handle(
      final IncomingEvent event,
      final int attempt,
      final Instant firstReceived,
      final Instant now) {
    try {
      return new Disposition.Handled(ingress.accept(event).result());
    } catch (InvalidEventException e) {
      return new Disposition.DeadLetter(Category.INVALID_EVENT, describe(e));
    } catch (EventForUnknownOrderException e) {
      final Duration waited = Duration.between(firstReceived, now);
      if (waited.compareTo(properties.unknownOrderTtl()) >= 0) {
        return new Disposition.DeadLetter(
            Category.UNKNOWN_ORDER,
            "no order with id "
                + e.orderId()
                + " (waited "
                + waited
                + ", TTL "
                + properties.unknownOrderTtl()
                + ")");
      }
      return new Disposition.Retry(
          properties.retryBackoff().after(attempt), "unknown order " + e.orderId());
    } catch (RuntimeException e) {
      // technical: EngineUnavailableException above all, but also the database or a bug
      final String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (attempt >= properties.maxAttempts()) {
        return new Disposition.DeadLetter(
            Category.RETRIES_EXHAUSTED, error + " (after " + attempt + " deliveries)");
      }
      return new Disposition.Retry(properties.retryBackoff().after(attempt), error);
    }
  }

  /** The event's id once the message could be read ({@code -} before). */
  private static String eventId() {
    final String id = MDC.get(MDC_EVENT_ID);
    return id == null ? "-" : id;
  }

  private static Instant firstReceived(final Map<String, Object> headers, final Instant now) {
    final Object value = headers.get(InboundHeaders.FIRST_RECEIVED_AT);
    if (value != null) {
      try {
        return Instant.parse(value.toString());
      } catch (DateTimeParseException e) {
        return now;
      }
    }
    return now;
  }

  private static String describe(final InvalidEventException e) {
    return "invalid event: "
        + String.join(
            "; ", e.violations().stream().map(v -> v.field() + " " + v.message()).toList());
  }

  private void count(final String outcome) {
    Counter.builder(INBOUND)
        .description("Inbound event messages by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
