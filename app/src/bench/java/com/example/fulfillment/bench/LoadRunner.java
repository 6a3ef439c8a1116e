package com.example.fulfillment.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: keeps {@code inFlight} orders running, starting a new one whenever one
 * completes, for a warm-up and then a measured window; bounded in time whatever happens.
 */
final class LoadRunner {

  /** Starts one order; returns when the start was accepted. */
  interface Starter {
    void start(String orderId) throws Exception;
  }

  record LevelResult(
      String mode,
      int inFlight,
      long completed,
      double seconds,
      double throughput,
      double startP50,
      double startP95,
      double startP99,
      double e2eP50,
      double e2eP95,
      double e2eP99,
      long startErrors) {}

  private final Completions completions;

  LoadRunner(final Completions completions) {
    this.completions = completions;
  }

  LevelResult run(
      final String mode,
      final int inFlight,
      final Duration warmup,
      final Duration measure,
      final int starterThreads,
      final Starter starter)
      throws InterruptedException {
    final Semaphore permits = new Semaphore(inFlight);
    final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    final AtomicBoolean measuring = new AtomicBoolean();
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong completedInWindow = new AtomicLong();
    final AtomicLong startErrors = new AtomicLong();
    final LatencyStats startLatency = new LatencyStats(2_000_000);
    final LatencyStats e2eLatency = new LatencyStats(2_000_000);

    completions.onCompleted(
        orderId -> {
          final Long t0 = startedAt.remove(orderId);
          if (t0 == null) {
            return;
          }
          if (measuring.get()) {
            completedInWindow.incrementAndGet();
            e2eLatency.record(System.nanoTime() - t0);
          }
          permits.release();
        });

    final List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < starterThreads; i++) {
      threads.add(
          Thread.ofPlatform()
              .name("bench-starter-" + i)
              .daemon()
              .start(
                  () -> {
                    while (!stop.get()) {
                      try {
                        if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                          continue;
                        }
                        final String orderId = "bench-" + UUID.randomUUID();
                        final long t0 = System.nanoTime();
                        startedAt.put(orderId, t0);
                        starter.start(orderId);
                        if (measuring.get()) {
                          startLatency.record(System.nanoTime() - t0);
                        }
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        startErrors.incrementAndGet();
                        permits.release();
                      }
                    }
                  }));
    }
    Thread.sleep(warmup.toMillis()); // load generator pacing, not waiting for the engine
    final long t0 = System.nanoTime();
    measuring.set(true);
    Thread.sleep(measure.toMillis());
    measuring.set(false);
    final double seconds = (System.nanoTime() - t0) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join(5_000);
    }
    final long completed = completedInWindow.get();
    // Let this level's orders finish before the next level starts (bounded).
    final long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!startedAt.isEmpty() && System.nanoTime() < drainUntil) {
      Thread.sleep(50); // pacing, not a wait for the engine: completions arrive by callback
    }
    completions.onCompleted(orderId -> {});
    return new LevelResult(
        mode,
        inFlight,
        completed,
        seconds,
        completed / seconds,
        startLatency.percentileMillis(50),
        startLatency.percentileMillis(95),
        startLatency.percentileMillis(99),
        e2eLatency.percentileMillis(50),
        e2eLatency.percentileMillis(95),
        e2eLatency.percentileMillis(99),
        startErrors.get());
  }
}
