package com.example.fulfillment.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.example.fulfillment.common.Backoff;
import com.example.fulfillment.common.ProviderUnavailableException;
import com.example.fulfillment.support.Jobs;
import com.example.fulfillment.support.LogCapture;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;

class JobHandlingTest {

  static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final JobHandling jobs = new JobHandling(meters, BACKOFF, 3, Tracer.NOOP, Propagator.NOOP);

  final ActivatedJob job =
      Jobs.job(
          "charge-payment",
          42L,
          3,
          Map.of("orderId", "ord_1", "correlationId", "req-7", "total", 10));

  @Test
  void everyLogLineWhileHandlingCarriesTheJobContext() {
    MDC.put("jobKey", "outer");
    try (LogCapture logs = new LogCapture()) {
      jobs.run(
          job, () -> LoggerFactory.getLogger("com.example.fulfillment.payment").info("charging"));

      final ILoggingEvent line =
          logs.events().stream()
              .filter(e -> e.getFormattedMessage().equals("charging"))
              .findFirst()
              .orElseThrow();
      assertThat(line.getMDCPropertyMap())
          .containsEntry("orderId", "ord_1")
          .containsEntry("correlationId", "req-7")
          .containsEntry("jobKey", "42")
          .containsEntry("jobType", "charge-payment")
          .containsEntry("processInstanceKey", "4711");
    } finally {
      assertThat(MDC.get("jobKey")).as("the caller's context is restored").isEqualTo("outer");
      assertThat(MDC.get("orderId")).isNull();
      MDC.clear();
    }
  }

  @Test
  void aCompletedJobIsCountedAndTimed() {
    assertThat(jobs.handle(job, () -> "result")).isEqualTo("result");

    assertThat(
            meters
                .get(JobHandling.JOBS)
                .tags("type", "charge-payment", "outcome", "completed")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get(JobHandling.DURATION)
                .tags("type", "charge-payment", "outcome", "completed")
                .timer()
                .count())
        .isEqualTo(1L);
  }

  @Test
  void aBpmnErrorPassesThroughUnchanged() {
    final BpmnError declined =
        CamundaError.bpmnError("PAYMENT_DECLINED", "card declined", Map.of());

    assertThat(handled(BpmnError.class, job, declined)).isSameAs(declined);
    assertThat(meters.get(JobHandling.JOBS).tags("outcome", "bpmn_error").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aProviderCallRefusedOnOurSideKeepsTheJobsRetriesAndWaitsAsTold() {
    final ActivatedJob attempt = Jobs.job("charge-payment", 42L, 2, Map.of("orderId", "ord_1"));

    final JobError refused =
        handled(
            JobError.class,
            attempt,
            new ProviderUnavailableException(
                "circuit breaker payment is OPEN", false, Duration.ofSeconds(7), null));
    final JobError failed =
        handled(JobError.class, attempt, new ProviderUnavailableException("HTTP 503"));

    assertThat(refused.getRetries()).as("not attempted: no retry used up").isEqualTo(2);
    assertThat(refused.getRetryBackoff()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failed.getRetries()).as("attempted: one retry less").isEqualTo(1);
    assertThat(failed.getRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(meters.find(JobHandling.INCIDENTS).counter()).isNull();
  }

  @Test
  void aTechnicalFailureIsRetriedWithExponentialBackoff() {
    final Map<Integer, JobError> byRetries = new HashMap<>();
    for (int retries = 3; retries >= 2; retries--) {
      final ActivatedJob attempt =
          Jobs.job("charge-payment", 42L, retries, Map.of("orderId", "ord_1"));
      byRetries.put(
          retries,
          handled(JobError.class, attempt, new DataAccessResourceFailureException("db down")));
    }

    assertThat(byRetries.get(3).getRetries()).isEqualTo(2);
    assertThat(byRetries.get(3).getRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(byRetries.get(2).getRetries()).isEqualTo(1);
    assertThat(byRetries.get(2).getRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(byRetries.get(3).getMessage())
        .isEqualTo(
            "charge-payment failed: DataAccessResourceFailureException: db down"
                + " (retry in PT1S, 2 retries left)");
    assertThat(meters.get(JobHandling.JOBS).tags("outcome", "failed").counter().count())
        .isEqualTo(2.0);
    assertThat(meters.find(JobHandling.INCIDENTS).counter()).isNull();
  }

  @Test
  void theLastFailureRaisesAnIncidentWithAReadableMessageAndLogsTheCause() {
    final ActivatedJob last = Jobs.job("charge-payment", 42L, 1, Map.of("orderId", "ord_1"));
    final IllegalStateException cause = new IllegalStateException("provider said 503");
    try (LogCapture logs = new LogCapture()) {
      final JobError error = handled(JobError.class, last, cause);

      assertThat(error.getRetries()).isZero();
      // The starter uses the printed stack trace as the incident message.
      assertThat(ExceptionUtils.getStackTrace(error).strip())
          .isEqualTo(
              "charge-payment failed, no retries left: IllegalStateException: provider said 503");
      final ILoggingEvent logged =
          logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
      assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("provider said 503");
      assertThat(logged.getMDCPropertyMap()).containsEntry("orderId", "ord_1");
    }
    assertThat(meters.get(JobHandling.INCIDENTS).tags("type", "charge-payment").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aJobWithoutReadableVariablesIsStillHandled() {
    final ActivatedJob odd = Jobs.job("record-sale", 1L, 3, null);
    final AtomicReference<String> orderId = new AtomicReference<>("unset");
    jobs.run(odd, () -> orderId.set(MDC.get("orderId")));
    assertThat(orderId.get()).isNull();
  }

  /** An input record as the workers declare it. */
  public record Line(String orderId, Integer lineNo, @Inputs.Optional String note) {}

  @Test
  void anInputIsCheckedVariableByVariableExceptTheOptionalOnes() {
    final JobError missing =
        catchThrowableOfType(
            JobError.class,
            () -> jobs.handle(job, new Line("ord_1", null, null), in -> "called", out -> out));
    final JobError blank =
        catchThrowableOfType(JobError.class, () -> jobs.run(job, new Line(" ", 1, null), in -> {}));

    assertThat(missing).hasMessageContaining("job has no variable 'lineNo'");
    assertThat(blank).hasMessageContaining("job has no variable 'orderId'");
    assertThat(missing.getRetries()).isEqualTo(2);
    assertThat(meters.get(JobHandling.JOBS).tags("outcome", "failed").counter().count())
        .isEqualTo(2.0);
    final int next = jobs.handle(job, new Line("ord_1", 2, null), Line::lineNo, n -> n + 1);
    assertThat(next).isEqualTo(3);
  }

  @Test
  void aBareOrderIdIsRequired() {
    final int length = jobs.handle(job, "ord_1", id -> id + "!", String::length);
    assertThat(length).isEqualTo(6);
    assertThatThrownBy(() -> jobs.run(job, (String) null, id -> {}))
        .isInstanceOf(JobError.class)
        .hasMessageContaining("job has no variable 'orderId'");
  }

  @Test
  void aRefusalIsABpmnErrorWithTheReasonAsRejectionDetail() {
    final BpmnError error =
        catchThrowableOfType(
            BpmnError.class,
            () ->
                jobs.handle(
                    job,
                    "ord_1",
                    id -> "declined",
                    reason -> {
                      throw JobHandling.refusal("PAYMENT_DECLINED", "card declined");
                    }));

    assertThat(error.getErrorCode()).isEqualTo("PAYMENT_DECLINED");
    assertThat(error.getErrorMessage()).isEqualTo("card declined");
    assertThat(error.getVariables()).isEqualTo(Map.of("rejectionDetail", "card declined"));
    assertThat(meters.get(JobHandling.JOBS).tags("outcome", "bpmn_error").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void everyWorkerCallGoesThroughTheOneHandleASubclassMayOverride() {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final JobHandling overridden =
        new JobHandling(meters, BACKOFF, 3, Tracer.NOOP, Propagator.NOOP) {
          @Override
          public <T> T handle(final ActivatedJob job, final Supplier<T> work) {
            seen.add(job.getType());
            return super.handle(job, work);
          }
        };
    final Line line = new Line("ord_1", 1, null);

    overridden.handle(job, line, in -> 1, n -> n);
    overridden.handle(job, "ord_1", id -> 1, n -> n);
    overridden.run(job, line, in -> {});
    overridden.run(job, "ord_1", id -> {});

    assertThat(seen).hasSize(4);
  }

  @Test
  void aMissingVariableIsATechnicalFailure() {
    assertThatThrownBy(() -> jobs.handle(job, () -> Inputs.required(null, "lineNo")))
        .isInstanceOf(JobError.class)
        .hasMessageContaining("job has no variable 'lineNo'");
  }

  /** What the handling makes of work that fails with {@code thrown}. */
  private <E extends Throwable> E handled(
      final Class<E> expected, final ActivatedJob attempt, final RuntimeException thrown) {
    return catchThrowableOfType(
        expected,
        () ->
            jobs.handle(
                attempt,
                () -> {
                  throw thrown;
                }));
  }
}
