package com.example.fulfillment.app.events;

import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.outbound.Outbox;
import com.example.fulfillment.app.events.outbound.OutboxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the event edges keep only for a while: accepted inbound messages (their ids deduplicate
 * re-sent events) for {@code fulfillment.events.retention}, published outbox events for {@code
 * fulfillment.events.outbox.retention}.
 */
@Component
record EventRetention(
    InboundMessages inbound,
    Outbox outbox,
    EventProperties events,
    OutboxProperties outboxProperties,
    Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

  @Scheduled(
      initialDelayString = "${fulfillment.events.cleanup-interval:PT1H}",
      fixedDelayString = "${fulfillment.events.cleanup-interval:PT1H}")
  int forgetAcceptedMessages() {
    return deleteOlderThan(events.retention(), inbound::deleteReceivedBefore, "accepted message");
  }

  @Scheduled(
      initialDelayString = "${fulfillment.events.outbox.cleanup-interval:PT1H}",
      fixedDelayString = "${fulfillment.events.outbox.cleanup-interval:PT1H}")
  int deletePublishedEvents() {
    return deleteOlderThan(
        outboxProperties.retention(), outbox::deletePublishedBefore, "published event");
  }

  private int deleteOlderThan(
      final Duration retention, final ToIntFunction<Instant> deleteBefore, final String what) {
    final int deleted = deleteBefore.applyAsInt(clock.instant().minus(retention));
    if (deleted > 0) {
      LOG.info("Deleted {} {}(s) older than {}", deleted, what, retention);
    }
    return deleted;
  }
}
