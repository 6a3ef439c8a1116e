package com.example.fulfillment.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Notices that the engine has lost its state, in both modes: the embedded engine starts empty with
 * every app start, the development engine begins empty after a restart, a cluster may be reset. The
 * app then deploys its models again and publishes {@link EngineStateLost}, on which the orders
 * whose process instances were lost are started again ({@code OrderRecovery}).
 *
 * <p><b>How it knows.</b> The engine keeps a marker message ({@value #MARKER_NAME}, no process
 * waits for it) for ten years; a message with the same id is refused ({@code ALREADY_EXISTS}) while
 * the first one is kept. Publishing the marker again is therefore refused by an engine that still
 * has its state and accepted by one that lost it. It is published at startup, whenever the engine
 * answers again after it was unreachable (the topology is probed every {@code
 * fulfillment.engine.state-check.interval}), and every {@code marker-interval} in any case (an
 * engine that restarted between two probes). A cluster that never saw the marker (the first start
 * of this app against it) looks the same as one that lost its state: unfinished orders of the app's
 * database are started again, which their idempotency keys make safe.
 *
 * <p>While the engine is unreachable or its state is not confirmed yet, the models count as not
 * deployed: {@code POST /api/orders} answers 503 and readiness is DOWN, so no order is started on
 * an engine without models.
 */
@Component
public class EngineStateWatch implements CamundaClientLifecycleAware {

  static final String MARKER_NAME = "fulfillment.engine-state-marker";
  private static final Duration MARKER_TTL = Duration.ofDays(3650);
  private static final Logger LOG = LoggerFactory.getLogger(EngineStateWatch.class);

  /**
   * The engine lost its state: process instances of orders placed before {@code lostBefore} are
   * gone. {@code id} is unique per loss: this run of the app and a count of the losses it noticed.
   */
  public record EngineStateLost(Instant lostBefore, String id) {}

  private final EngineTopology topology;
  private final ProcessModels models;
  private final ProcessMessages messages;
  private final EngineEpochs epochs;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration interval;
  private final Duration markerInterval;
  private final Duration probeTimeout;
  private final String markerId;
  private final Instant runStartedAt;
  private final String run = UUID.randomUUID().toString();

  private ScheduledExecutorService scheduler;
  private CamundaClient client;
  private boolean confirmed;

  /** Set while the engine does not answer (null when it does). */
  private Instant unreachableSince;

  private Instant lossNoticedBefore;

  /** The not-ready count of the topology probes at our last tick that found the engine ready. */
  private long notReadySeen;

  private Instant lastMarkerCheck = Instant.MIN;
  private int losses;

  EngineStateWatch(
      final EngineTopology topology,
      final ProcessModels models,
      final ProcessMessages messages,
      final EngineEpochs epochs,
      final ApplicationEventPublisher events,
      final Clock clock,
      @Value("${fulfillment.engine.state-check.interval:PT1S}") final Duration interval,
      @Value("${fulfillment.engine.state-check.marker-interval:PT30S}")
          final Duration markerInterval,
      @Value("${spring.application.name:order-fulfillment}") final String applicationName) {
    this.topology = topology;
    this.models = models;
    this.messages = messages;
    this.epochs = epochs;
    this.events = events;
    this.clock = clock;
    this.interval = interval;
    this.markerInterval = markerInterval;
    this.probeTimeout =
        interval.multipliedBy(2).compareTo(Duration.ofSeconds(2)) < 0
            ? Duration.ofSeconds(2)
            : interval.multipliedBy(2);
    this.markerId = applicationName + ":engine-state";
    this.runStartedAt = clock.instant();
  }

  /**
   * Whether the engine's state is confirmed: it answers, and a loss it had is dealt with (a new
   * epoch begun, the models deployed again).
   */
  public synchronized boolean stateConfirmed() {
    return confirmed && lossNoticedBefore == null;
  }

  /** Starts watching once the Camunda client exists. */
  @Override
  public synchronized void onStart(final CamundaClient client) {
    stopWatching();
    this.client = client;
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("engine-state-watch").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::tickSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops watching: the client closes. */
  @Override
  public synchronized void onStop(final CamundaClient client) {
    stopWatching();
  }

  private void stopWatching() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    client = null;
  }

  private void tickSafely() {
    try {
      tick();
      if (confirmed) {
        // Another instance of the app may have begun an epoch (it noticed the loss first).
        epochs.refresh();
      }
    } catch (RuntimeException e) {
      // Never let the scheduler die: the next tick tries again.
      LOG.warn("Checking the engine's state failed: {}", e.toString());
    }
  }

  private synchronized void tick() {
    final CamundaClient current = client;
    if (current == null) {
      return;
    }
    final Instant now = clock.instant();
    final long notReadyBefore = topology.notReadyCount();
    if (!topology.probe(probeTimeout).ready()) {
      if (unreachableSince == null) {
        unreachableSince = now;
        confirmed = false;
        models.invalidate();
        LOG.warn(
            "The engine at {} does not answer; orders are refused (503) until it is back "
                + "and its state is confirmed",
            topology.grpcAddress());
      }
      return;
    }
    if (confirmed && notReadyBefore != notReadySeen && unreachableSince == null) {
      // Someone else's probe (the health check) found it down since our last tick: an outage
      // shorter than our interval, e.g. a restart. Check the marker now, not at the next interval;
      // what was placed until now may be lost.
      LOG.warn(
          "The engine at {} did not answer a probe since the last check", topology.grpcAddress());
      unreachableSince = now;
      confirmed = false;
      models.invalidate();
    }
    notReadySeen = topology.notReadyCount();
    final boolean markerDue = !lastMarkerCheck.plus(markerInterval).isAfter(now);
    if (confirmed && lossNoticedBefore == null && !markerDue) {
      return;
    }
    final boolean markerAccepted;
    try {
      markerAccepted = publishMarker();
    } catch (EngineUnavailableException e) {
      return;
    }
    lastMarkerCheck = now;
    if (markerAccepted && lossNoticedBefore == null) {
      // Lost since the engine stopped answering; else, at the first check of this run, before
      // this run started (what this run placed itself is not lost); else just now.
      lossNoticedBefore =
          unreachableSince != null ? unreachableSince : confirmed ? now : runStartedAt;
      LOG.warn(
          "The engine at {} has lost its state (its marker message was missing): deploying "
              + "the models again and starting the unfinished orders placed before {} again",
          topology.grpcAddress(),
          lossNoticedBefore);
      // Before the models are deployed again: every job of the new lifetime is in the new epoch.
      epochs.begin();
    }
    if (models.deployed().isEmpty() || lossNoticedBefore != null) {
      try {
        models.deployNow(current);
      } catch (RuntimeException e) {
        LOG.warn(
            "Deploying the models after the engine came back failed, retrying: {}",
            EngineErrors.describe(e));
        return;
      }
    }
    if (lossNoticedBefore != null) {
      final EngineStateLost lost = new EngineStateLost(lossNoticedBefore, run + ":" + ++losses);
      lossNoticedBefore = null;
      events.publishEvent(lost);
    }
    if (unreachableSince != null) {
      LOG.info("The engine at {} answers again", topology.grpcAddress());
    }
    unreachableSince = null;
    confirmed = true;
  }

  private boolean publishMarker() {
    return messages.publish(
        new ProcessMessages.Message(MARKER_NAME, markerId, markerId, MARKER_TTL, Map.of()));
  }
}
