package com.example.fulfillment.bench;

import java.time.Duration;

/**
 * How one closed-loop level is measured: a warm-up until the pipeline is full, then {@code reps}
 * consecutive windows in the same steady state, each long enough to see several orders through (at
 * least 3 × the end-to-end p50 seen in the warm-up), capped at {@code maxMeasure}.
 */
record Windows(Duration warmup, Duration measure, Duration maxMeasure, int reps) {

  Windows {
    if (reps < 1) {
      throw new IllegalArgumentException("bench.reps must be at least 1");
    }
  }

  /** One window's length and whether the cap shortened it. */
  record Window(Duration length, boolean capped) {}

  /**
   * With many orders in flight the first ones complete only after roughly in-flight / throughput
   * seconds: measure after that (50 ms per order in flight), or the window sees a pipeline still
   * filling up instead of its steady state.
   */
  Duration warmupFor(final int inFlight) {
    final Duration fill = Duration.ofMillis(50L * inFlight);
    return fill.compareTo(warmup) > 0 ? fill : warmup;
  }

  /**
   * max(measure, 3 × the warm-up's end-to-end p50), at most maxMeasure; just measure when the
   * warm-up saw no order complete (NaN).
   */
  Window windowAfter(final double warmupE2eP50Millis) {
    Duration wanted = measure;
    if (!Double.isNaN(warmupE2eP50Millis)) {
      final Duration threeP50 = Duration.ofMillis((long) Math.ceil(3 * warmupE2eP50Millis));
      if (threeP50.compareTo(wanted) > 0) {
        wanted = threeP50;
      }
    }
    return wanted.compareTo(maxMeasure) > 0
        ? new Window(maxMeasure, true)
        : new Window(wanted, false);
  }
}
