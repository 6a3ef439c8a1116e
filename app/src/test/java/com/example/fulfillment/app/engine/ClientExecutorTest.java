package com.example.fulfillment.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientExecutorTest {

  @Test
  void runsTasksUntilQuiescedAndDropsTheOnesThatComeDueAfterwards() throws Exception {
    final ClientExecutor executor = new ClientExecutor(1);
    try {
      final CountDownLatch ran = new CountDownLatch(1);
      executor.execute(ran::countDown);
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

      final AtomicInteger late = new AtomicInteger();
      final var delayed = executor.schedule(late::incrementAndGet, 200, TimeUnit.MILLISECONDS);
      final AtomicInteger periodic = new AtomicInteger();
      executor.scheduleAtFixedRate(periodic::incrementAndGet, 0, 20, TimeUnit.MILLISECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> periodic.get() >= 2);

      executor.quiesce();
      final int periodicRuns = periodic.get();

      await().atMost(Duration.ofSeconds(5)).until(delayed::isDone);
      assertThat(delayed.isCancelled()).isTrue();
      assertThat(late).hasValue(0);
      await().during(Duration.ofMillis(100)).until(() -> periodic.get() <= periodicRuns + 1);
    } finally {
      executor.shutdownNow();
    }
  }
}
