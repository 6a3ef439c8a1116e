package com.example.fulfillment.jobs;

import com.example.fulfillment.common.Backoff;
import java.time.Duration;

/**
 * Exponential retry backoff for technical job failures: the n-th failure of a job waits {@code
 * initial × multiplier^(n-1)}, at most {@code max}. The failure number is read from the job's
 * remaining retries, counted from {@code retries} (the engine's default of 3 for service tasks).
 *
 * @param initial wait after the first failure
 * @param multiplier growth per further failure (≥ 1)
 * @param max upper bound of a wait
 * @param retries the retries a job starts with
 */
public record RetryBackoff(Duration initial, double multiplier, Duration max, int retries) {

  public static final RetryBackoff DEFAULT =
      new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 3);

  public RetryBackoff {
    if (initial.isNegative() || max.isNegative() || multiplier < 1.0 || retries < 1) {
      throw new IllegalArgumentException(
          "retry backoff needs initial, max >= 0, multiplier >= 1 and retries >= 1");
    }
  }

  /**
   * The wait before the next attempt of a job that just failed with {@code retriesBefore} retries
   * left (the job's retries when it was activated).
   */
  public Duration after(final int retriesBefore) {
    final int failure = Math.max(1, retries - retriesBefore + 1);
    return new Backoff(initial, multiplier, max.compareTo(initial) < 0 ? initial : max)
        .after(failure);
  }
}
