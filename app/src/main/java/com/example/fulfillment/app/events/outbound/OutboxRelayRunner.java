package com.example.fulfillment.app.events.outbound;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} every {@code poll-interval} on its own thread (not the shared
 * scheduler: a slow broker must not delay the app's other periodic work), from startup to shutdown.
 */
public class OutboxRelayRunner implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayRunner.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final OutboxRelay relay;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public OutboxRelayRunner(final OutboxRelay relay, final Duration interval) {
    this.relay = relay;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());
    executor.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      relay.drain();
    } catch (RuntimeException e) {
      // e.g. the database is down: nothing was marked, the next round tries again
      LOG.warn("Outbox relay round failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
