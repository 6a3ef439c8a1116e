package com.example.fulfillment.app.order;

import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.inbound.MessageRelay;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.timeline.TimelineObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancellations held back after an engine loss ({@link OrderRecovery}) until the order's restarted
 * instance has caught up with its recorded progress: compensation undoes only steps the instance
 * completed.
 */
@Component
class CancellationsAfterRestart implements TimelineObserver {

  private static final Logger LOG = LoggerFactory.getLogger(CancellationsAfterRestart.class);

  private final MessageRelay relay;
  private final OrderProperties properties;

  /** Cancellations waiting for the restarted instance to catch up, by order. */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(Set<String> caughtUpAt, InboundMessages.Stored message) {}

  CancellationsAfterRestart(final MessageRelay relay, final OrderProperties properties) {
    this.relay = relay;
    this.properties = properties;
  }

  /**
   * Publishes {@code cancellation} again once the order's instance enters one of {@code
   * caughtUpAt}.
   */
  void holdUntil(
      final String orderId,
      final Set<String> caughtUpAt,
      final InboundMessages.Stored cancellation) {
    pending.put(orderId, new Pending(caughtUpAt, cancellation));
  }

  @Override
  public void appended(final List<TimelineEntry> entries) {
    if (pending.isEmpty()) {
      return;
    }
    for (TimelineEntry e : entries) {
      final Pending held = pending.get(e.orderId());
      if (held != null
          && e.kind() == TimelineEntry.Kind.ELEMENT_ENTERED
          && held.caughtUpAt().contains(e.element().id())
          && pending.remove(e.orderId(), held)) {
        try {
          relay.publish(held.message(), properties.cancelMessageTtl());
          LOG.info(
              "Order {} caught up after the restart: cancellation published again", e.orderId());
        } catch (RuntimeException ex) {
          LOG.error("Cancellation of order {} could not be published again", e.orderId(), ex);
        }
      }
    }
  }
}
