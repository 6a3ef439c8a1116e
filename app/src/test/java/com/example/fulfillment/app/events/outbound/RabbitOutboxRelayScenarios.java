package com.example.fulfillment.app.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.events.outbound.OutboxFixture.SimulatedCrash;
import com.example.fulfillment.app.events.rabbit.CloudEventMessages;
import com.example.fulfillment.app.events.rabbit.RabbitEventProperties;
import com.example.fulfillment.app.events.rabbit.RabbitEventPublisher;
import com.example.fulfillment.app.support.EnabledIfRabbitMq;
import com.example.fulfillment.app.support.EventTap;
import com.example.fulfillment.app.support.RabbitMq;
import com.example.fulfillment.support.DatabaseTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The outbox relay publishing to the real RabbitMQ (a topic exchange of this run, a test queue
 * bound to it): exactly once and in order per order, two relays sharing one outbox, and a relay
 * killed mid-round. Runs on H2 and on PostgreSQL (where SKIP LOCKED is what keeps two relays
 * apart); skipped without a broker.
 */
@EnabledIfRabbitMq
abstract class RabbitOutboxRelayScenarios extends DatabaseTest {

  final OutboxFixture f = new OutboxFixture(db);
  final String exchange = RabbitMq.uniquePrefix("relay") + ".events";
  final List<CachingConnectionFactory> connections = new ArrayList<>();
  EventTap tap;

  @BeforeEach
  void freshTap() {
    db.jdbc().sql("DELETE FROM outbox_event").update();
    tap = EventTap.bind(connection(), exchange, exchange + ".tap", "com.example.order.#");
  }

  @AfterEach
  void removeTap() {
    tap.close();
  }

  @AfterAll
  void tearDown() {
    if (!connections.isEmpty()) {
      new RabbitAdmin(connections.getFirst()).deleteExchange(exchange);
    }
    connections.forEach(CachingConnectionFactory::destroy);
  }

  /** Each relay gets its own connection, like a separate app instance. */
  CachingConnectionFactory connection() {
    final CachingConnectionFactory factory = RabbitMq.connectionFactory();
    connections.add(factory);
    return factory;
  }

  EventPublisher publisher() {
    final RabbitEventProperties properties =
        new RabbitEventProperties(
            exchange,
            exchange + ".inbound",
            1,
            10,
            3,
            Duration.ofMillis(100),
            2,
            Duration.ofSeconds(1),
            Duration.ZERO,
            Duration.ofSeconds(5),
            65536);
    return new RabbitEventPublisher(
        new RabbitTemplate(connection()),
        new CloudEventMessages(new ObjectMapper(), 65536),
        properties);
  }

  @Test
  void eachEventReachesTheBrokerOnceInOrderPerOrder() {
    final List<String> orders = f.fulfilledOrders(10, Clock.systemUTC().instant());

    assertThat(f.relay(publisher(), Clock.systemUTC(), 7).drain()).isEqualTo(40);

    await().atMost(Duration.ofSeconds(10)).until(() -> tap.all().size() >= 40);
    final List<EventTap.Tapped> all = tap.all();
    assertThat(all).hasSize(40);
    assertThat(all).extracting(EventTap.Tapped::id).doesNotHaveDuplicates();
    for (String order : orders) {
      assertThat(tap.about(order))
          .extracting(EventTap.Tapped::type)
          .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
    }
    final EventTap.Tapped first = all.getFirst();
    assertThat(first.message().getMessageProperties().getContentType())
        .isEqualTo("application/cloudevents+json");
    assertThat(first.message().getMessageProperties().getMessageId()).isEqualTo(first.id());
    assertThat(first.message().getMessageProperties().getReceivedRoutingKey())
        .isEqualTo(first.type());
    assertThat(first.event().path("specversion").asText()).isEqualTo("1.0");
    assertThat(first.event().path("data").path("orderId").asText()).isEqualTo(first.subject());
  }

  @Test
  void twoRelaysShareOneOutboxWithoutDuplicatesOrReordering() throws Exception {
    final List<String> orders = f.fulfilledOrders(30, Clock.systemUTC().instant());
    final List<OutboxRelay> relays =
        List.of(
            f.relay(publisher(), Clock.systemUTC(), 5), f.relay(publisher(), Clock.systemUTC(), 5));
    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final List<Callable<Integer>> work = new ArrayList<>();
    for (OutboxRelay relay : relays) {
      work.add(
          () -> {
            int published = 0;
            while (f.outbox.pending() > 0) {
              published += relay.publishDue();
            }
            return published;
          });
    }
    final List<Integer> counts = new ArrayList<>();
    try {
      for (Future<Integer> done : pool.invokeAll(work)) {
        counts.add(done.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
    await().atMost(Duration.ofSeconds(10)).until(() -> tap.all().size() >= 120);
    assertThat(tap.all()).hasSize(120).extracting(EventTap.Tapped::id).doesNotHaveDuplicates();
    final Map<String, List<String>> bySubject =
        tap.all().stream()
            .collect(
                Collectors.groupingBy(
                    EventTap.Tapped::subject,
                    Collectors.mapping(EventTap.Tapped::type, Collectors.toList())));
    for (String order : orders) {
      assertThat(bySubject.get(order)).containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
    }
  }

  @Test
  void aRelayKilledBetweenWriteAndPublishPublishesEverythingAfterTheRestart() {
    final List<String> orders = f.fulfilledOrders(3, Clock.systemUTC().instant());
    final OutboxRelay killed =
        f.relay(
            events -> {
              throw new SimulatedCrash("before publishing");
            },
            Clock.systemUTC(),
            10);
    assertThatThrownBy(killed::publishDue).isInstanceOf(SimulatedCrash.class);

    final OutboxRelay restarted = f.relay(publisher(), Clock.systemUTC(), 10);
    assertThat(restarted.drain()).isEqualTo(12);

    await().atMost(Duration.ofSeconds(10)).until(() -> tap.all().size() >= 12);
    assertThat(tap.all()).hasSize(12).extracting(EventTap.Tapped::id).doesNotHaveDuplicates();
    assertThat(tap.about(orders.get(2)))
        .extracting(EventTap.Tapped::type)
        .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
  }

  @Test
  void aRelayKilledAfterTheBrokerConfirmedPublishesAgainWithTheSameIds() {
    final List<String> orders = f.fulfilledOrders(2, Clock.systemUTC().instant());
    final EventPublisher real = publisher();
    final OutboxRelay killed =
        f.relay(
            events -> {
              real.publish(events);
              throw new SimulatedCrash("after the broker confirmed");
            },
            Clock.systemUTC(),
            10);
    assertThatThrownBy(killed::publishDue).isInstanceOf(SimulatedCrash.class);

    assertThat(f.relay(publisher(), Clock.systemUTC(), 10).drain()).isEqualTo(8);

    await().atMost(Duration.ofSeconds(10)).until(() -> tap.all().size() >= 10);
    final List<EventTap.Tapped> all = tap.all();
    assertThat(all).hasSize(10);
    assertThat(all.stream().map(EventTap.Tapped::id).distinct())
        .as("8 events, 2 sent twice")
        .hasSize(8);
    for (String order : orders) {
      assertThat(tap.about(order).stream().map(EventTap.Tapped::type).distinct())
          .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
      assertThat(tap.about(order).getFirst().type()).isEqualTo("com.example.order.accepted");
      assertThat(tap.about(order).get(1).type())
          .as("the repeat comes before the next event")
          .isEqualTo("com.example.order.accepted");
    }
  }
}
