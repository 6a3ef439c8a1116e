package com.example.fulfillment.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.outbound.Outbox;
import com.example.fulfillment.app.events.outbound.OutboxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventRetentionTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final InboundMessages inbound = mock(InboundMessages.class);
  private final Outbox outbox = mock(Outbox.class);
  private final EventProperties events = mock(EventProperties.class);
  private final OutboxProperties outboxProperties = mock(OutboxProperties.class);
  private final EventRetention retention =
      new EventRetention(
          inbound, outbox, events, outboxProperties, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eachEdgeIsCutAtItsOwnRetention() {
    when(events.retention()).thenReturn(Duration.ofDays(7));
    when(outboxProperties.retention()).thenReturn(Duration.ofDays(1));
    when(inbound.deleteReceivedBefore(NOW.minus(Duration.ofDays(7)))).thenReturn(3);
    when(outbox.deletePublishedBefore(NOW.minus(Duration.ofDays(1)))).thenReturn(5);

    assertThat(retention.forgetAcceptedMessages()).isEqualTo(3);
    assertThat(retention.deletePublishedEvents()).isEqualTo(5);
    verify(inbound).deleteReceivedBefore(NOW.minus(Duration.ofDays(7)));
    verify(outbox).deletePublishedBefore(NOW.minus(Duration.ofDays(1)));
  }
}
