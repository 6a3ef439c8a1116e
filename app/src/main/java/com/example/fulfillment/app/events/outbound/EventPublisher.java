package com.example.fulfillment.app.events.outbound;

import java.util.List;
import java.util.Set;

/** Port: hands events to the transport (RabbitMQ, or the log). */
public interface EventPublisher {

  /**
   * Publishes the events, in list order, and reports which the transport took for sure (a broker
   * confirm). An event not confirmed may still have arrived: the relay sends it again later, so a
   * consumer can see it twice (same id).
   *
   * @throws RuntimeException if nothing could be published (e.g. the broker is unreachable)
   */
  Confirmation publish(List<OutboundCloudEvent> events);

  /** What the transport confirmed; {@code failure} says why the others were not. */
  record Confirmation(Set<String> confirmedIds, String failure) {

    public Confirmation {
      confirmedIds = Set.copyOf(confirmedIds);
    }

    public static Confirmation all(final List<OutboundCloudEvent> events) {
      return new Confirmation(
          events.stream().map(OutboundCloudEvent::id).collect(java.util.stream.Collectors.toSet()),
          null);
    }
  }
}
