package com.example.fulfillment.app.events.outbound;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default transport ({@code fulfillment.events.transport=log}): no broker. Every event is
 * written to the log and counts as published, so the one-command run needs nothing else and the
 * outbox does not grow.
 */
public class LoggingEventPublisher implements EventPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingEventPublisher.class);

  @Override
  public Confirmation publish(final List<OutboundCloudEvent> events) {
    for (OutboundCloudEvent event : events) {
      LOG.info(
          "Event {} v{} {} for order {} (transport log, traceparent {}): {}",
          event.type(),
          event.schemaVersion(),
          event.id(),
          event.subject(),
          event.traceparent(),
          event.data());
    }
    return Confirmation.all(events);
  }
}
