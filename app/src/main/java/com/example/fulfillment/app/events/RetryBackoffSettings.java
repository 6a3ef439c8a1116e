package com.example.fulfillment.app.events;

import com.example.fulfillment.common.Backoff;
import java.time.Duration;

/**
 * Settings records with a retry backoff in the flat form the configuration names: {@code
 * <prefix>.retry-initial}, {@code .retry-multiplier}, {@code .retry-max} (each record gives its own
 * defaults). The one way to turn them into the project's {@link Backoff}, which checks them.
 */
public interface RetryBackoffSettings {

  /** Wait after the first failure. */
  Duration retryInitial();

  /** Factor of each further wait. */
  double retryMultiplier();

  /** The longest wait. */
  Duration retryMax();

  /** The backoff these settings describe; fails on a max below initial or a multiplier below 1. */
  default Backoff retryBackoff() {
    return new Backoff(retryInitial(), retryMultiplier(), retryMax());
  }
}
