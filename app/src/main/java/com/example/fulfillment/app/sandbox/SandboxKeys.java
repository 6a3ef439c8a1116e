package com.example.fulfillment.app.sandbox;

import java.time.Duration;

/** What the sandboxes check of every request, and how the slow one waits. */
final class SandboxKeys {

  private SandboxKeys() {}

  /**
   * The sandboxes keep one answer per (order, step): the request's idempotency key must name them.
   */
  static void require(final String key, final String orderId, final String step) {
    final String expected = orderId + ":" + step;
    if (!expected.equals(key)) {
      throw new IllegalArgumentException(
          "Idempotency-Key must be " + expected + " for this request, not " + key);
    }
  }

  /** A slow provider: the answer is held back (a simulated latency, nothing waits for us). */
  static void pause(final Duration latency) {
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
