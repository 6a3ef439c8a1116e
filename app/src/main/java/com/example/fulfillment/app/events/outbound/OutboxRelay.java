package com.example.fulfillment.app.events.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox: claims due events (locked, so other instances skip them), hands them to the
 * {@link EventPublisher}, marks the confirmed ones published and gives the others a later attempt
 * with backoff, all in one transaction.
 *
 * <p>Guarantees: at least once (a crash after the broker confirmed but before the commit sends the
 * event again after the restart, with the same id; a crash before leaves it unpublished), and in
 * order per order (only each order's oldest unpublished event is ever claimed). Events are never
 * dropped: one that keeps failing is retried at the backoff's maximum interval.
 *
 * <p>Contracts: each event is validated against its schema before it is sent ({@link
 * OutboundValidation}, property {@code validate}); one that violates it is held in the outbox with
 * the reason, and nothing of it leaves.
 *
 * <p>Tracing: each event's publish is a span {@code publish <type>}, a child of the span that
 * recorded the event (its stored {@code traceparent}), and the event carries that span's context
 * (CloudEvents distributed-tracing extension) to its consumers.
 */
public record OutboxRelay(
    Outbox outbox,
    EventPublisher publisher,
    TransactionTemplate tx,
    Clock clock,
    OutboxProperties properties,
    EventOrigin origin,
    OutboundValidation validation,
    Counter published,
    Counter failed,
    Counter held,
    Propagator propagator) {

  public static final String PUBLISHED = "fulfillment.events.outbox.published";
  public static final String FAILED = "fulfillment.events.outbox.failed";
  public static final String HELD = "fulfillment.events.outbox.held";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int MAX_ERROR = 500;

  /** A relay in its own transactions, counting into {@code meters}. */
  public static OutboxRelay create(
      final Outbox outbox,
      final EventPublisher publisher,
      final PlatformTransactionManager transactionManager,
      final Clock clock,
      final OutboxProperties properties,
      final EventOrigin origin,
      final MeterRegistry meters,
      final Propagator propagator) {
    return new OutboxRelay(
        outbox,
        publisher,
        new TransactionTemplate(transactionManager),
        clock,
        properties,
        origin,
        OutboundValidation.create(properties.validate(), properties.maxEventBytes(), meters),
        Counter.builder(PUBLISHED).description("Outbox events published").register(meters),
        Counter.builder(FAILED)
            .description("Outbox publish attempts that failed (retried later)")
            .register(meters),
        Counter.builder(HELD)
            .description("Outbox events held, not sent: they violate their schema")
            .register(meters),
        propagator);
  }

  /**
   * One round: claim, publish, record.
   *
   * @return how many events were published
   */
  public int publishDue() {
    return oneRound().published();
  }

  /**
   * Rounds until one publishes nothing (an order's next event is due once its previous one is
   * published).
   *
   * @return how many events were published
   */
  public int drain() {
    int total = 0;
    // held events count as progress (their orders' other rows may be due), failed ones do not:
    // with the broker away a round fails what it claims, and the drain must end
    for (Round round = oneRound(); round.published() + round.held() > 0; round = oneRound()) {
      total += round.published();
    }
    return total;
  }

  /** What a round did: events published, and events held (the others failed). */
  private record Round(int published, int held) {}

  private Round oneRound() {
    final Round round = tx.execute(status -> round());
    return round == null ? new Round(0, 0) : round;
  }

  private Round round() {
    final List<OutboxEvent> claimed = outbox.claimDue(clock.instant(), properties.batchSize());
    if (claimed.isEmpty()) {
      return new Round(0, 0);
    }
    final List<OutboxEvent> batch = new ArrayList<>(claimed.size());
    final List<Span> spans = new ArrayList<>(claimed.size());
    final List<OutboundCloudEvent> events = new ArrayList<>(claimed.size());
    int heldNow = 0;
    for (OutboxEvent event : claimed) {
      final Span span = publishSpan(event);
      OutboundCloudEvent cloudEvent = null;
      Optional<String> problem;
      try {
        // checked as sent: with its trace context (part of its size)
        cloudEvent = inject(span, OutboundCloudEvent.of(event, origin));
        problem = validation.problem(cloudEvent);
      } catch (IllegalArgumentException e) {
        // not even a CloudEvent (e.g. a version below 1): held too, never a stalled relay
        problem = Optional.of("not a valid event: " + describe(e));
      }
      if (problem.isPresent()) {
        hold(event, problem.get(), span);
        heldNow++;
        continue;
      }
      batch.add(event);
      spans.add(span);
      events.add(cloudEvent);
    }
    if (batch.isEmpty()) {
      return new Round(0, heldNow);
    }
    EventPublisher.Confirmation confirmation;
    try {
      confirmation = publisher.publish(events);
    } catch (RuntimeException e) {
      confirmation = new EventPublisher.Confirmation(Set.of(), describe(e));
    }
    final Instant now = clock.instant();
    final List<Long> done = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < batch.size(); i++) {
      final OutboxEvent event = batch.get(i);
      final Span span = spans.get(i);
      if (confirmation.confirmedIds().contains(event.eventId())) {
        done.add(event.seq());
      } else {
        failures++;
        outbox.markFailed(
            event.seq(),
            now.plus(properties.retryBackoff().after(event.attempts() + 1)),
            confirmation.failure());
        span.tag("error", String.valueOf(confirmation.failure()));
      }
      span.tag("event.confirmed", confirmation.confirmedIds().contains(event.eventId())).end();
    }
    outbox.markPublished(done, now);
    published.increment(done.size());
    if (failures > 0) {
      failed.increment(failures);
      LOG.warn(
          "{} of {} event(s) not published, retried with backoff: {}",
          failures,
          batch.size(),
          confirmation.failure());
    }
    return new Round(done.size(), heldNow);
  }

  /** Keeps an invalid event from leaving: nothing of it is sent, its order's later events wait. */
  private void hold(final OutboxEvent event, final String reason, final Span span) {
    outbox.hold(event.seq(), reason);
    held.increment();
    span.tag("event.held", reason).end();
    LOG.error(
        "Event {} ({} v{}) of order {} held in the outbox, not sent: {}",
        event.eventId(),
        event.type(),
        event.schemaVersion(),
        event.orderId(),
        reason);
  }

  /** A child of the span that recorded the event (a new trace for rows without context). */
  private Span publishSpan(final OutboxEvent event) {
    final Map<String, String> recorded =
        event.traceparent() == null
            ? Map.of()
            : Map.of(OutboundCloudEvent.TRACEPARENT, event.traceparent());
    return propagator
        .extract(recorded, Map::get)
        .name("publish " + event.type())
        .kind(Span.Kind.PRODUCER)
        .tag("event.id", event.eventId())
        .tag("event.type", event.type())
        .tag("event.schema_version", event.schemaVersion())
        .tag("order.id", event.orderId())
        .tag("event.attempt", event.attempts() + 1)
        .start();
  }

  private OutboundCloudEvent inject(final Span span, final OutboundCloudEvent event) {
    final Map<String, String> context = new HashMap<>();
    propagator.inject(span.context(), context, Map::put);
    return event.withTrace(
        context.get(OutboundCloudEvent.TRACEPARENT), context.get(OutboundCloudEvent.TRACESTATE));
  }

  private static String describe(final RuntimeException e) {
    final String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }
}
