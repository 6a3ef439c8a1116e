package com.example.fulfillment.app.events.outbound;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes published events older than {@code fulfillment.events.outbox.retention}. */
@Component
record OutboxCleanup(Outbox outbox, OutboxProperties properties, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxCleanup.class);

  @Scheduled(
      initialDelayString = "${fulfillment.events.outbox.cleanup-interval:PT1H}",
      fixedDelayString = "${fulfillment.events.outbox.cleanup-interval:PT1H}")
  void deletePublished() {
    final int deleted = outbox.deletePublishedBefore(clock.instant().minus(properties.retention()));
    if (deleted > 0) {
      LOG.info("Deleted {} published event(s) older than {}", deleted, properties.retention());
    }
  }
}
