package com.example.fulfillment.app.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.app.events.outbound.OutboxFixture.Row;
import com.example.fulfillment.app.events.outbound.OutboxFixture.SimulatedCrash;
import com.example.fulfillment.support.DatabaseTest;
import com.example.fulfillment.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against a real, migrated database and a recording publisher: order per order,
 * hold-back of a failed event, backoff, and what a crash in the middle of a round leaves behind.
 * Runs on H2 ({@link H2OutboxRelayTest}) and on PostgreSQL when reachable ({@link
 * PostgresOutboxRelayTest}).
 */
abstract class OutboxRelayScenarios extends DatabaseTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  final OutboxFixture f = new OutboxFixture(db);
  MutableClock clock;

  @BeforeEach
  void emptyOutbox() {
    db.jdbc().sql("DELETE FROM outbox_event").update();
    clock = new MutableClock(T0);
  }

  /** Records what it is asked to publish; confirms all but the events {@code refuse} picks. */
  static final class RecordingPublisher implements EventPublisher {
    final List<OutboundCloudEvent> sent = new CopyOnWriteArrayList<>();
    volatile Predicate<OutboundCloudEvent> refuse = e -> false;

    @Override
    public Confirmation publish(final List<OutboundCloudEvent> events) {
      sent.addAll(events);
      return new Confirmation(
          events.stream()
              .filter(refuse.negate())
              .map(OutboundCloudEvent::id)
              .collect(Collectors.toSet()),
          "test: refused");
    }

    Map<String, List<String>> typesBySubject() {
      return sent.stream()
          .collect(
              Collectors.groupingBy(
                  OutboundCloudEvent::subject,
                  Collectors.mapping(OutboundCloudEvent::type, Collectors.toList())));
    }
  }

  @Test
  void everyEventIsPublishedOnceAndEachOrdersInTheOrderTheyHappened() {
    final List<String> orders = f.fulfilledOrders(5, T0);
    final RecordingPublisher publisher = new RecordingPublisher();

    // batches of 3 across 5 orders: an order's next event only once its previous one is out
    final int published = f.relay(publisher, clock, 3).drain();

    assertThat(published).isEqualTo(20);
    assertThat(publisher.sent).extracting(OutboundCloudEvent::id).doesNotHaveDuplicates();
    for (String order : orders) {
      assertThat(publisher.typesBySubject().get(order))
          .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
    }
    assertThat(f.rows()).allSatisfy(r -> assertThat(r.publishedAt()).isEqualTo(T0));
    assertThat(f.relay(publisher, clock, 3).drain()).as("nothing left").isZero();
    final OutboundCloudEvent first = publisher.sent.getFirst();
    assertThat(first.source()).isEqualTo(OutboxFixture.SOURCE);
    assertThat(first.dataSchema().toString()).endsWith("/com.example.order.accepted/1");
  }

  @Test
  void aFailedEventHoldsBackItsOrderAndIsRetriedWithBackoff() {
    final List<String> orders = f.fulfilledOrders(3, T0);
    final String stuck = orders.get(1);
    final RecordingPublisher publisher = new RecordingPublisher();
    publisher.refuse = e -> e.subject().equals(stuck);
    final OutboxRelay relay = relay(publisher);

    relay.drain();

    assertThat(publisher.typesBySubject().get(orders.get(0))).hasSize(4);
    assertThat(publisher.typesBySubject().get(orders.get(2))).hasSize(4);
    assertThat(publisher.typesBySubject().get(stuck)).containsExactly("com.example.order.accepted");
    final Row accepted = row(stuck, "com.example.order.accepted");
    assertThat(accepted.attempts()).isEqualTo(1);
    assertThat(accepted.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(accepted.lastError()).isEqualTo("test: refused");
    assertThat(accepted.publishedAt()).isNull();

    relay.drain();
    assertThat(publisher.typesBySubject().get(stuck)).as("not due yet").hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    relay.drain();
    assertThat(row(stuck, "com.example.order.accepted").nextAttemptAt())
        .as("2nd failure waits twice as long")
        .isEqualTo(T0.plusSeconds(1 + 2));

    publisher.refuse = e -> false;
    clock.advance(Duration.ofSeconds(2));
    relay.drain();
    assertThat(publisher.typesBySubject().get(stuck))
        .containsExactly(
            "com.example.order.accepted",
            "com.example.order.accepted",
            "com.example.order.accepted",
            "com.example.order.paid",
            "com.example.order.shipped",
            "com.example.order.completed");
  }

  @Test
  void anUnreachableBrokerFailsTheRoundsEventsAndLosesNothing() {
    f.fulfilledOrders(2, T0);
    final OutboxRelay down =
        relay(
            events -> {
              throw new IllegalStateException("connection refused");
            });

    assertThat(down.drain()).isZero();

    assertThat(f.rows())
        .filteredOn(r -> r.attempts() == 1)
        .extracting(Row::type)
        .containsOnly("com.example.order.accepted")
        .hasSize(2);
    assertThat(f.rows().getFirst().lastError())
        .isEqualTo("IllegalStateException: connection refused");
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay(new RecordingPublisher()).drain()).isEqualTo(8);
  }

  @Test
  void aRelayKilledBetweenWriteAndPublishLeavesEverythingToTheNextOne() {
    final List<String> orders = f.fulfilledOrders(2, T0);
    final OutboxRelay killed =
        relay(
            events -> {
              throw new SimulatedCrash("before publishing");
            });

    assertThatThrownBy(killed::publishDue).isInstanceOf(SimulatedCrash.class);
    assertThat(f.rows())
        .allSatisfy(
            r -> {
              assertThat(r.publishedAt()).isNull();
              assertThat(r.attempts())
                  .as("a crash is no failed attempt: the round rolled back")
                  .isZero();
            });

    final RecordingPublisher restarted = new RecordingPublisher();
    assertThat(relay(restarted).drain()).isEqualTo(8);
    assertThat(restarted.sent).extracting(OutboundCloudEvent::id).doesNotHaveDuplicates();
    assertThat(restarted.typesBySubject().get(orders.get(0)))
        .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
  }

  @Test
  void aRelayKilledAfterTheBrokerTookTheEventsSendsThemAgainWithTheSameIds() {
    f.fulfilledOrders(2, T0);
    final List<OutboundCloudEvent> reachedTheBroker = new ArrayList<>();
    final OutboxRelay killed =
        relay(
            events -> {
              reachedTheBroker.addAll(events);
              throw new SimulatedCrash("after the broker confirmed");
            });

    assertThatThrownBy(killed::publishDue).isInstanceOf(SimulatedCrash.class);

    final RecordingPublisher restarted = new RecordingPublisher();
    relay(restarted).drain();
    final Set<String> again = new HashSet<>();
    restarted.sent.forEach(e -> again.add(e.id()));
    assertThat(again)
        .as("at least once: same ids, consumers dedupe")
        .containsAll(reachedTheBroker.stream().map(OutboundCloudEvent::id).toList());
    assertThat(restarted.sent).hasSize(8);
  }

  @Test
  void publishedEventsAreDeletedAfterTheRetention() {
    f.fulfilledOrders(1, T0);
    relay(new RecordingPublisher()).drain();

    assertThat(f.outbox.deletePublishedBefore(T0)).isZero();
    assertThat(f.outbox.deletePublishedBefore(T0.plusMillis(1))).isEqualTo(4);
    assertThat(f.outbox.pending()).isZero();
  }

  /** A relay with the scenarios' clock and a batch of 10. */
  private OutboxRelay relay(final EventPublisher publisher) {
    return f.relay(publisher, clock, 10);
  }

  private Row row(final String orderId, final String type) {
    return f.rows().stream()
        .filter(r -> r.orderId().equals(orderId) && r.type().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
