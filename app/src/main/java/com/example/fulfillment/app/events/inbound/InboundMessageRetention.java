package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.EventProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes accepted messages older than {@code fulfillment.events.retention}. */
@Component
record InboundMessageRetention(InboundMessages messages, EventProperties properties, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(InboundMessageRetention.class);

  @Scheduled(
      initialDelayString = "${fulfillment.events.cleanup-interval:PT1H}",
      fixedDelayString = "${fulfillment.events.cleanup-interval:PT1H}")
  void deleteExpired() {
    final int deleted =
        messages.deleteReceivedBefore(clock.instant().minus(properties.retention()));
    if (deleted > 0) {
      LOG.info("Forgot {} accepted message(s) older than {}", deleted, properties.retention());
    }
  }
}
