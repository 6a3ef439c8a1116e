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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: keeps {@code inFlight} orders running, starting a new one whenever one
 * completes; warms up until the pipeline is full, then measures {@link Windows#reps()} consecutive
 * windows; bounded in time whatever happens.
 */
final class LoadRunner {

  /** Starts one order; returns when the start was accepted. */
  interface Starter {
    void start(String orderId) throws Exception;
  }

  /**
   * One level: throughput per window (completions in the window / its length), latency percentiles
   * over all windows' samples.
   */
  record LevelResult(
      String mode,
      int inFlight,
      List<Double> windowThroughputs,
      double windowSeconds,
      boolean capped,
      long completed,
      double startP50,
      double startP95,
      double startP99,
      double e2eP50,
      double e2eP95,
      double e2eP99,
      long startErrors) {

    /** The median of the windows' throughputs. */
    double throughput() {
      final List<Double> sorted = windowThroughputs.stream().sorted().toList();
      final int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double minThroughput() {
      return windowThroughputs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxThroughput() {
      return windowThroughputs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
  }

  private enum Phase {
    WARMUP,
    MEASURE,
    DRAIN
  }

  private static void startOne(
      final Starter starter,
      final Map<String, Long> startedAt,
      final AtomicReference<Phase> phase,
      final LatencyStats startLatency,
      final AtomicLong startErrors,
      final Semaphore permits) {
    final String orderId = "bench-" + UUID.randomUUID();
    final long t0 = System.nanoTime();
    startedAt.put(orderId, t0);
    try {
      starter.start(orderId);
      if (phase.get() == Phase.MEASURE) {
        startLatency.record(System.nanoTime() - t0);
      }
    } catch (Exception e) {
      startErrors.incrementAndGet(); // warm-up included: none are hidden
      startedAt.remove(orderId);
      permits.release();
    }
  }

  private static final Duration DRAIN = Duration.ofSeconds(60);

  private final Completions completions;
  private final Windows windows;

  /** Bound of a warm-up that never sees every slot turn over (an engine that collapses). */
  private static final Duration MAX_WARMUP = Duration.ofSeconds(180);

  LoadRunner(final Completions completions, final Windows windows) {
    this.completions = completions;
    this.windows = windows;
  }

  LevelResult run(
      final String mode, final int inFlight, final int starterThreads, final Starter starter)
      throws InterruptedException {
    final Semaphore permits = new Semaphore(inFlight);
    final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMUP);
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong completedInWindow = new AtomicLong();
    final AtomicLong startErrors = new AtomicLong();
    final LatencyStats warmupE2e = new LatencyStats(2_000_000);
    final LatencyStats startLatency = new LatencyStats(2_000_000);
    final LatencyStats e2eLatency = new LatencyStats(2_000_000);

    completions.onCompleted(
        orderId -> {
          final Long t0 = startedAt.remove(orderId);
          if (t0 == null) {
            return;
          }
          switch (phase.get()) {
            case WARMUP -> warmupE2e.record(System.nanoTime() - t0);
            case MEASURE -> {
              completedInWindow.incrementAndGet();
              e2eLatency.record(System.nanoTime() - t0);
            }
            case DRAIN -> {}
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
                        if (permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                          startOne(starter, startedAt, phase, startLatency, startErrors, permits);
                        }
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }));
    }
    // Warm up for the minimum, then until every slot has turned over once (inFlight completions):
    // before that the pipeline is still filling and a window would count its first orders only.
    final long warmupStart = System.nanoTime();
    Thread.sleep(windows.warmupFor(inFlight).toMillis()); // load generator pacing
    while (warmupE2e.count() < inFlight && System.nanoTime() - warmupStart < MAX_WARMUP.toNanos()) {
      Thread.sleep(100); // pacing, not a wait for the engine: completions arrive by callback
    }
    final Windows.Window window = windows.windowAfter(warmupE2e.percentileMillis(50));
    final List<Double> throughputs = new ArrayList<>();
    long windowStart = System.nanoTime();
    completedInWindow.set(0);
    phase.set(Phase.MEASURE);
    for (int rep = 0; rep < windows.reps(); rep++) {
      Thread.sleep(window.length().toMillis()); // pacing: the window's length
      final long n = completedInWindow.getAndSet(0);
      final long windowEnd = System.nanoTime();
      throughputs.add(n / ((windowEnd - windowStart) / 1e9));
      windowStart = windowEnd;
    }
    phase.set(Phase.DRAIN);
    stop.set(true);
    for (Thread t : threads) {
      t.join(5_000);
    }
    // Let this level's orders finish before the next level starts (bounded).
    final long drainUntil = System.nanoTime() + DRAIN.toNanos();
    while (!startedAt.isEmpty() && System.nanoTime() < drainUntil) {
      Thread.sleep(50); // pacing, not a wait for the engine: completions arrive by callback
    }
    completions.onCompleted(orderId -> {});
    return new LevelResult(
        mode,
        inFlight,
        List.copyOf(throughputs),
        window.length().toMillis() / 1000.0,
        window.capped(),
        e2eLatency.count(),
        startLatency.percentileMillis(50),
        startLatency.percentileMillis(95),
        startLatency.percentileMillis(99),
        e2eLatency.percentileMillis(50),
        e2eLatency.percentileMillis(95),
        e2eLatency.percentileMillis(99),
        startErrors.get());
  }
}
