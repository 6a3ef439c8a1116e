package com.example.fulfillment.bench;

import com.example.fulfillment.bench.LoadRunner.Starter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: orders arrive on a fixed schedule ({@code rate} per second, evenly spaced)
 * whatever the app answers, each started on a virtual thread of its own, so a slow response delays
 * no later arrival. Latencies count from the scheduled arrival, not from when a thread got round to
 * sending (no coordinated omission). Bounded in time: warm-up + measure, then a bounded drain.
 */
final class OpenLoopRunner {

  record RateResult(
      String mode,
      int percentOfCeiling,
      double targetRate,
      double startedRate,
      double completedRate,
      double seconds,
      double startP50,
      double startP95,
      double startP99,
      double e2eP99,
      long errors) {}

  private static final Duration START_TIMEOUT = Duration.ofSeconds(35);
  private static final Duration DRAIN = Duration.ofSeconds(60);

  private final Completions completions;

  OpenLoopRunner(final Completions completions) {
    this.completions = completions;
  }

  RateResult run(
      final String mode,
      final int percentOfCeiling,
      final double rate,
      final Duration warmup,
      final Duration measure,
      final Starter starter)
      throws InterruptedException {
    final long interval = (long) (1e9 / rate);
    final long t0 = System.nanoTime();
    final long windowStart = t0 + warmup.toNanos();
    final long windowEnd = windowStart + measure.toNanos();
    final Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
    final AtomicLong started = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final LatencyStats startLatency = new LatencyStats(2_000_000);
    final LatencyStats e2eLatency = new LatencyStats(2_000_000);

    completions.onCompleted(
        orderId -> {
          final Long scheduled = scheduledAt.remove(orderId);
          final long now = System.nanoTime();
          if (scheduled == null) {
            return;
          }
          if (now >= windowStart && now < windowEnd) {
            completed.incrementAndGet();
          }
          if (scheduled >= windowStart) {
            e2eLatency.record(now - scheduled);
          }
        });

    // not try-with-resources: close() would wait without a bound
    final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    try {
      for (long i = 0; ; i++) {
        final long scheduled = t0 + i * interval;
        if (scheduled >= windowEnd) {
          break;
        }
        // pacing the load generator to its schedule; a late arrival is sent at once, and its
        // latency still counts from its scheduled time
        for (long wait = scheduled - System.nanoTime(); wait > 0; ) {
          LockSupport.parkNanos(wait);
          wait = scheduled - System.nanoTime();
        }
        final boolean inWindow = scheduled >= windowStart;
        senders.submit(
            () -> {
              final String orderId = "bench-" + UUID.randomUUID();
              scheduledAt.put(orderId, scheduled);
              try {
                starter.start(orderId);
                if (inWindow) {
                  started.incrementAndGet();
                  startLatency.record(System.nanoTime() - scheduled);
                }
              } catch (Exception e) {
                scheduledAt.remove(orderId);
                errors.incrementAndGet();
              }
            });
      }
      senders.shutdown();
      // every start times out by itself (HTTP and client timeouts are 30 s): bounded
      senders.awaitTermination(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      senders.shutdownNow();
    }
    final long drainUntil = System.nanoTime() + DRAIN.toNanos();
    while (!scheduledAt.isEmpty() && System.nanoTime() < drainUntil) {
      Thread.sleep(50); // pacing, not a wait for the engine: completions arrive by callback
    }
    completions.onCompleted(orderId -> {});
    final double seconds = measure.toNanos() / 1e9;
    return new RateResult(
        mode,
        percentOfCeiling,
        rate,
        started.get() / seconds,
        completed.get() / seconds,
        seconds,
        startLatency.percentileMillis(50),
        startLatency.percentileMillis(95),
        startLatency.percentileMillis(99),
        e2eLatency.percentileMillis(99),
        errors.get());
  }
}
