package com.example.fulfillment.common;

import java.time.Duration;

/**
 * Exponential backoff: {@code initial × multiplier^(attempt-1)}, at most {@code max}. The one
 * backoff of the project: technical job failures ({@code RetryBackoff}), the outbox relay (an
 * unpublished event waits this long before its next attempt), the inbound consumer (a message waits
 * this long in the retry queue) and the deployment of the models to an unreachable engine.
 */
public record Backoff(Duration initial, double multiplier, Duration max) {

  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= initial <= max and multiplier >= 1: "
              + initial
              + ", "
              + multiplier
              + ", "
              + max);
    }
  }

  /** The wait after the {@code attempt}-th failure (1 for the first). */
  public Duration after(final int attempt) {
    final double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
