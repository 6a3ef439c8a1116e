package com.example.fulfillment.app.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** The switchboard of the fault suite: which job types misbehave, and how. Off by default. */
public final class Faults {

  public enum Kind {
    /** The job is handled twice in a row (a redelivery after a lost completion). */
    HANDLE_TWICE,
    /** The worker dies right after its effect on the first activation of every job. */
    CRASH_AFTER_EFFECT,
    /**
     * The first activation of every job stalls until the engine has handed the same job out again
     * (job timeout) and that second activation is done; then the stalled one finishes too.
     */
    STALL_UNTIL_REDELIVERED
  }

  private final Map<String, Kind> byType = new ConcurrentHashMap<>();
  private final Set<Long> crashed = ConcurrentHashMap.newKeySet();
  private final Map<Long, CountDownLatch> stalled = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger injected =
      new java.util.concurrent.atomic.AtomicInteger();

  public void inject(final Kind kind, final String... jobTypes) {
    for (String type : jobTypes) {
      byType.put(type, kind);
    }
  }

  /** How many times a fault actually struck since the last {@link #clear()}. */
  public int injected() {
    return injected.get();
  }

  void struck() {
    injected.incrementAndGet();
  }

  public void clear() {
    injected.set(0);
    byType.clear();
    stalled.values().forEach(CountDownLatch::countDown);
    stalled.clear();
  }

  Kind kindFor(final String jobType) {
    return byType.get(jobType);
  }

  /** True for the first activation of a job (asked once per activation): it crashes. */
  boolean firstAttempt(final long jobKey) {
    return crashed.add(jobKey);
  }

  /** The latch the first activation of a job waits on; null for a later activation. */
  CountDownLatch stallIfFirst(final long jobKey) {
    final CountDownLatch fresh = new CountDownLatch(1);
    return stalled.putIfAbsent(jobKey, fresh) == null ? fresh : null;
  }

  /** A later activation of the job is done: the stalled first one may go on. */
  void redelivered(final long jobKey) {
    final CountDownLatch latch = stalled.get(jobKey);
    if (latch != null) {
      latch.countDown();
    }
  }
}
