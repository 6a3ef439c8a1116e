package com.example.fulfillment.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies in microseconds, recorded lock-free into a fixed array; percentiles on demand. */
final class LatencyStats {

  private final long[] micros;
  private final AtomicInteger count = new AtomicInteger();

  LatencyStats(final int capacity) {
    micros = new long[capacity];
  }

  void record(final long nanos) {
    final int i = count.getAndIncrement();
    if (i < micros.length) {
      micros[i] = nanos / 1_000;
    }
  }

  int count() {
    return Math.min(count.get(), micros.length);
  }

  /** The p-th percentile (0–100) in milliseconds, or NaN without samples. */
  double percentileMillis(final double p) {
    final int n = count();
    if (n == 0) {
      return Double.NaN;
    }
    final long[] sorted = Arrays.copyOf(micros, n);
    Arrays.sort(sorted);
    final int index = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, index))] / 1_000.0;
  }
}
