package com.example.fulfillment.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.metrics.MetricsRecorder;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker's answer the engine did not take is sent again while the outage lasts. */
class RetryingCommandExceptionHandlingTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RetryingCommandExceptionHandling strategy =
      new RetryingCommandExceptionHandling(previous -> 10, scheduler);

  @SuppressWarnings("unchecked")
  private final FinalCommandStep<Object> complete = mock(FinalCommandStep.class);

  private final ActivatedJob job = mock(ActivatedJob.class);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void resendsWhileTheEngineIsUnavailableUntilItTakesTheAnswer() {
    deadlineIn(Duration.ofMinutes(1));
    when(complete.send())
        .thenReturn(failed(Status.UNAVAILABLE), failed(Status.RESOURCE_EXHAUSTED), done());

    wrapper().executeAsync();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(complete, times(3)).send());
  }

  @Test
  void dropsAnAnswerToAJobTheEngineNoLongerHas() {
    assertSentOnlyOnce(Duration.ofMinutes(1), Status.NOT_FOUND);
  }

  @Test
  void stopsOnceTheJobsDeadlineHasPassed() {
    assertSentOnlyOnce(Duration.ofMinutes(-1), Status.UNAVAILABLE);
  }

  @Test
  void doesNotResendAnAnswerTheEngineRefused() {
    assertSentOnlyOnce(Duration.ofMinutes(1), Status.INVALID_ARGUMENT);
  }

  @Test
  void namesTheJobByKeyAndTypeButNeverItsVariables() {
    when(job.toString())
        .thenReturn("{\"key\":42,\"type\":\"charge-payment\",\"variables\":{\"card\":\"4111\"}}");

    assertThat(RetryingCommandExceptionHandling.describe(wrapper()))
        .isEqualTo("job 42 (charge-payment)");
  }

  /** The first answer fails with {@code status}; it is not sent again (within 200 ms). */
  private void assertSentOnlyOnce(final Duration deadlineIn, final Status status) {
    deadlineIn(deadlineIn);
    when(complete.send()).thenReturn(failed(status), done());

    wrapper().executeAsync();

    await().during(Duration.ofMillis(200)).untilAsserted(() -> verify(complete, times(1)).send());
  }

  private CommandWrapper wrapper() {
    return new CommandWrapper(complete, job, strategy, mock(MetricsRecorder.class), 1000);
  }

  private void deadlineIn(final Duration duration) {
    when(job.getDeadline()).thenReturn(System.currentTimeMillis() + duration.toMillis());
  }

  private static CamundaFuture<Object> failed(final Status status) {
    final TestFuture<Object> future = new TestFuture<>();
    future.completeExceptionally(status.asRuntimeException());
    return future;
  }

  private static CamundaFuture<Object> done() {
    final TestFuture<Object> future = new TestFuture<>();
    future.complete(new Object());
    return future;
  }

  /** The smallest CamundaFuture: a CompletableFuture. */
  private static final class TestFuture<T> extends CompletableFuture<T>
      implements CamundaFuture<T> {

    @Override
    public boolean cancel(final boolean mayInterruptIfRunning, final Throwable cause) {
      return cancel(mayInterruptIfRunning);
    }

    @Override
    public T join(final long timeout, final TimeUnit unit) {
      return orTimeout(timeout, unit).join();
    }
  }
}
