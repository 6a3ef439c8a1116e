package com.example.fulfillment.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand (backoffs without waiting). */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;

  public MutableClock(final Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(final Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    return this;
  }
}
