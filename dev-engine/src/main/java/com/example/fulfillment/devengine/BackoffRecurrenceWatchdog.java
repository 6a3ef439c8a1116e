package com.example.fulfillment.devengine;

import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around an off-by-one in the Zeebe 8.8 engine that can leave a job in retry backoff forever.
 *
 * <p>The backoff checker treats a job as due when its recurring time is {@code <=} now and writes a
 * {@code RECUR_AFTER_BACKOFF} command; the processor of that command accepts it only when the
 * recurring time is {@code <} now. When both happen within the same millisecond the command is
 * rejected, and since the checker believes it handled the job, nothing looks at it again until some
 * other job fails with a backoff. Measured with the embedded engine: 2 of 80 jobs failing twice
 * with a 200/400 ms backoff stayed stuck (the order waited until unrelated activity woke the
 * checker up).
 *
 * <p>This listener sees the rejection in the engine's records and, shortly after (the recurring
 * time is then strictly in the past), makes the engine re-check its due dates by pausing and
 * resuming its stream processor. The development engine attaches it to every export; a cluster is
 * not ours to nudge.
 */
public final class BackoffRecurrenceWatchdog implements EngineRecordListener {

  private static final Logger LOG = LoggerFactory.getLogger(BackoffRecurrenceWatchdog.class);
  private static final Duration DELAY = Duration.ofMillis(50);

  private final Runnable recheckDueDates;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("backoff-recurrence-watchdog").daemon().factory());
  private final AtomicBoolean pending = new AtomicBoolean();

  /**
   * @param recheckDueDates makes the engine re-check its due dates ({@link
   *     DevEngine#recheckDueDates()})
   */
  public BackoffRecurrenceWatchdog(final Runnable recheckDueDates) {
    this.recheckDueDates = recheckDueDates;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.JOB);
  }

  @Override
  public void onRecords(final List<Record<?>> records) {
    for (Record<?> record : records) {
      if (record.getRecordType() == RecordType.COMMAND_REJECTION
          && record.getIntent() == JobIntent.RECUR_AFTER_BACKOFF
          && pending.compareAndSet(false, true)) {
        LOG.debug(
            "Job {}: recurrence after backoff rejected by the engine; re-checking due dates",
            record.getKey());
        scheduler.schedule(this::recheck, DELAY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void recheck() {
    pending.set(false);
    try {
      recheckDueDates.run();
    } catch (RuntimeException e) {
      LOG.warn("Could not make the development engine re-check its due dates", e);
    }
  }

  /** Stops the scheduler (the exporter delivering to this watchdog has stopped). */
  public void close() {
    scheduler.shutdownNow();
  }
}
