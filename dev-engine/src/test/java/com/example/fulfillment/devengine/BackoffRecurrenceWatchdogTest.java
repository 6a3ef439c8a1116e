package com.example.fulfillment.devengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffRecurrenceWatchdogTest {

  @Test
  void aRejectedRecurrenceMakesTheEngineRecheckOnceShortlyAfter() throws Exception {
    final AtomicInteger rechecks = new AtomicInteger();
    final BackoffRecurrenceWatchdog watchdog =
        new BackoffRecurrenceWatchdog(rechecks::incrementAndGet);
    try {
      watchdog.onRecords(List.of(record(RecordType.EVENT, JobIntent.RECURRED_AFTER_BACKOFF)));
      watchdog.onRecords(
          List.of(
              record(RecordType.COMMAND_REJECTION, JobIntent.RECUR_AFTER_BACKOFF),
              record(RecordType.COMMAND_REJECTION, JobIntent.RECUR_AFTER_BACKOFF)));

      await().atMost(Duration.ofSeconds(5)).until(() -> rechecks.get() == 1);
      watchdog.onRecords(
          List.of(record(RecordType.COMMAND_REJECTION, JobIntent.RECUR_AFTER_BACKOFF)));
      await().atMost(Duration.ofSeconds(5)).until(() -> rechecks.get() == 2);
      watchdog.onRecords(List.of(record(RecordType.COMMAND_REJECTION, JobIntent.COMPLETE)));
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(1))
          .until(() -> rechecks.get() == 2);
    } finally {
      watchdog.close();
    }
  }

  @Test
  void recheckingDueDatesKeepsTheEngineWorking() {
    final DevEngine engine = DevEngineFactory.create(InetAddress.getLoopbackAddress(), 0);
    engine.start();
    try (CamundaClient client = Clients.of(engine)) {
      Clients.deployOneTask(client, "p", "t");
      final AtomicInteger attempts = new AtomicInteger();
      client
          .newWorker()
          .jobType("t")
          .handler(
              (jobs, job) -> {
                if (attempts.incrementAndGet() == 1) {
                  jobs.newFailCommand(job)
                      .retries(2)
                      .retryBackoff(Duration.ofMillis(300))
                      .send()
                      .join();
                } else {
                  jobs.newCompleteCommand(job).send().join();
                }
              })
          .streamEnabled(true)
          .open();
      client.newCreateInstanceCommand().bpmnProcessId("p").latestVersion().send().join();

      engine.recheckDueDates();
      engine.recheckDueDates();

      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 2);
      assertThat(attempts.get()).as("failed once, then done after the backoff").isEqualTo(2);
    } finally {
      engine.stop();
    }
  }

  private static Record<?> record(final RecordType type, final JobIntent intent) {
    @SuppressWarnings("unchecked")
    final Record<io.camunda.zeebe.protocol.record.RecordValue> record = mock(Record.class);
    when(record.getRecordType()).thenReturn(type);
    when(record.getIntent()).thenReturn(intent);
    when(record.getKey()).thenReturn(42L);
    return record;
  }
}
