package com.example.fulfillment.app.sandbox;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.timeline.TimelineEntry.Kind;
import com.example.fulfillment.app.timeline.TimelineObserver;
import com.example.fulfillment.common.Backoff;
import com.example.fulfillment.process.ProcessConstants.Elements;
import com.example.fulfillment.process.ProcessConstants.Processes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A simulated carrier, so that a local order completes by itself: when a delivery is scheduled (the
 * {@code shipping} process completed {@code ScheduleDelivery}, seen on the timeline in both engine
 * modes) it reports the delivery {@code fulfillment.sandbox.carrier.delivery-delay} later as a
 * {@value EventTypes#SHIPMENT_DELIVERED} CloudEvent, through the same {@link EventIngress} as any
 * carrier. Like a well-behaved partner it re-sends the same event (same id, so it counts once) with
 * a growing pause until the app takes it, e.g. while the engine is down. A delay of zero or less
 * switches it off.
 */
@Component
public class SandboxCarrier implements TimelineObserver, DisposableBean {

  static final String SOURCE = "urn:fulfillment:sandbox-carrier";

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCarrier.class);
  private static final Backoff PAUSES =
      new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30));
  private static final int MAX_ATTEMPTS = 200;

  private final EventIngress ingress;
  private final Duration delay;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  SandboxCarrier(
      final EventIngress ingress, final SandboxProperties properties, final Clock clock) {
    this.ingress = ingress;
    this.delay = properties.carrier().deliveryDelay();
    this.clock = clock;
    this.scheduler =
        isEnabled()
            ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sandbox-carrier").daemon().factory())
            : null;
  }

  public boolean isEnabled() {
    return delay != null && !delay.isNegative() && !delay.isZero();
  }

  @Override
  public void appended(final List<TimelineEntry> entries) {
    if (!isEnabled()) {
      return;
    }
    for (TimelineEntry e : entries) {
      if (Elements.SCHEDULE_DELIVERY.equals(e.element().id())
          && Processes.SHIPPING.equals(e.element().bpmnProcessId())
          && (e.kind() == Kind.ELEMENT_COMPLETED || e.kind() == Kind.JOB_COMPLETED)) {
        final String orderId = e.orderId();
        final String eventId = "sandbox-delivery-" + UUID.randomUUID();
        scheduler.schedule(
            () -> deliver(orderId, eventId, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void deliver(final String orderId, final String eventId, final int attempt) {
    try {
      final var acceptance =
          ingress.accept(
              new IncomingEvent(
                  "1.0",
                  eventId,
                  SOURCE,
                  EventTypes.SHIPMENT_DELIVERED,
                  orderId,
                  "application/json",
                  clock.instant().toString(),
                  Map.of("deliveredAt", clock.instant().toString())));
      LOG.info("Sandbox carrier delivered order {} ({})", orderId, acceptance.result());
    } catch (RuntimeException e) {
      if (attempt >= MAX_ATTEMPTS || scheduler.isShutdown()) {
        LOG.error("Sandbox carrier gave up reporting the delivery of order {}", orderId, e);
        return;
      }
      final long pause = PAUSES.after(attempt).toMillis();
      LOG.warn(
          "Sandbox carrier could not report the delivery of order {} ({}); again in {} ms",
          orderId,
          e.getMessage(),
          pause);
      scheduler.schedule(
          () -> deliver(orderId, eventId, attempt + 1), pause, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
