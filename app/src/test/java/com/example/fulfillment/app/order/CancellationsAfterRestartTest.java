package com.example.fulfillment.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.fulfillment.app.engine.ProcessMessages;
import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.inbound.MessageRelay;
import com.example.fulfillment.app.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A cancellation held back after an engine loss is published again exactly once, and only when the
 * order's restarted instance enters one of the elements it waits for.
 */
class CancellationsAfterRestartTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  final List<ProcessMessages.Message> published = new CopyOnWriteArrayList<>();
  final ProcessMessages engine =
      message -> {
        published.add(message);
        return true;
      };
  final OrderProperties properties = mock(OrderProperties.class);
  final CancellationsAfterRestart cancellations =
      new CancellationsAfterRestart(
          new MessageRelay(mock(InboundMessages.class), engine, Clock.fixed(NOW, ZoneOffset.UTC)),
          properties);

  final InboundMessages.Stored cancellation =
      new InboundMessages.Stored(
          "cancel-ord_1",
          "ord_1",
          "OrderCancellationRequested",
          "api",
          "cancel",
          Map.of("reason", "customer"),
          NOW,
          NOW);

  @Test
  void publishesAgainOnceWhenTheRestartedInstanceReachesAWaitedElement() {
    when(properties.cancelMessageTtl()).thenReturn(Duration.ofHours(1));
    cancellations.holdUntil("ord_1", Set.of("charge-payment"), cancellation);

    cancellations.appended(
        List.of(entered("ord_2", "charge-payment"), entered("ord_1", "validate")));
    assertThat(published).as("another order, or an element not waited for").isEmpty();

    cancellations.appended(List.of(entered("ord_1", "charge-payment")));
    cancellations.appended(List.of(entered("ord_1", "charge-payment")));

    assertThat(published).hasSize(1);
    assertThat(published.getFirst().name()).isEqualTo("OrderCancellationRequested");
    assertThat(published.getFirst().correlationKey()).isEqualTo("ord_1");
    assertThat(published.getFirst().timeToLive()).isEqualTo(Duration.ofHours(1));
  }

  private static TimelineEntry entered(final String orderId, final String elementId) {
    return new TimelineEntry(
        null,
        orderId,
        "k-" + orderId + elementId,
        NOW,
        TimelineEntry.Source.ENGINE,
        TimelineEntry.Kind.ELEMENT_ENTERED,
        null,
        new TimelineEntry.Element("order-fulfillment", 1L, elementId, 2L),
        null,
        null,
        null,
        null);
  }
}
