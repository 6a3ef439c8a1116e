package com.example.fulfillment.common;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * The project's one backoff policy: resilience4j's exponential {@link IntervalFunction} ({@code
 * initial × multiplier^(attempt-1)}, at most {@code max}). Used by technical job failures ({@code
 * JobHandling}), the provider calls' retry (the same {@link #intervals()}), the outbox relay, the
 * inbound consumer, the sandbox carrier's delivery reports and the deployment of the models to an
 * unreachable engine.
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

  public Backoff {
    if (initial.toMillis() < 1 || max.compareTo(initial) < 0 || multiplier < 1) {
      throw new IllegalArgumentException(
          "backoff needs 1 ms <= initial <= max and multiplier >= 1: "
              + initial
              + ", "
              + multiplier
              + ", "
              + max);
    }
  }

  /** The policy as resilience4j's interval function (for a resilience4j {@code Retry}). */
  public IntervalFunction intervals() {
    return IntervalFunction.ofExponentialBackoff(initial, multiplier, max);
  }

  /** The wait after the {@code attempt}-th failure (1 for the first). */
  public Duration after(final int attempt) {
    return Duration.ofMillis(intervals().apply(Math.max(1, attempt)));
  }
}
