package com.example.fulfillment.testing;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the job workers in BPMN-only tests: activates the job of a given type for a given process
 * instance and completes it with variables, throws a BPMN error or fails it.
 *
 * <p>The engine activates jobs by type only, so jobs of the same type that belong to other
 * instances (or other lines of the same multi-instance) are kept here until a test asks for them.
 * Jobs are locked for 30 days, longer than any clock jump in the tests.
 */
public final class JobStubs {

  private static final Logger LOG = LoggerFactory.getLogger(JobStubs.class);
  private static final Duration LOCK = Duration.ofDays(30);
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Well below {@link #WAIT}, so that an activation the engine never answers is asked again. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final CamundaClient client;
  private final ProcessRecords records;
  private final List<ActivatedJob> activated = new ArrayList<>();
  private int unanswered;

  JobStubs(final CamundaClient client, final ProcessRecords records) {
    this.client = client;
    this.records = records;
  }

  /** Waits for a job of {@code type} in the process instance and activates it. */
  public ActivatedJob activate(final String type, final long processInstanceKey) {
    return activate(type, job -> job.getProcessInstanceKey() == processInstanceKey);
  }

  /** Waits for a job of {@code type} that matches {@code filter} and activates it. */
  public synchronized ActivatedJob activate(
      final String type, final Predicate<ActivatedJob> filter) {
    try {
      return await("job '" + type + "'")
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> take(type, filter), Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          e.getMessage()
              + "\nactivation requests left unanswered so far: "
              + unanswered
              + "\nkept here: "
              + activated.stream().map(ActivatedJob::getKey).toList()
              + "\nthe engine's records of '"
              + type
              + "' jobs:\n  "
              + String.join("\n  ", records.jobHistory(type)),
          e);
    }
  }

  private Optional<ActivatedJob> take(final String type, final Predicate<ActivatedJob> filter) {
    Optional<ActivatedJob> job = takeActivated(type, filter);
    if (job.isEmpty()) {
      final CamundaFuture<ActivateJobsResponse> response =
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(100)
              .timeout(LOCK)
              .workerName("bpmn-test")
              .send();
      try {
        activated.addAll(
            response.join(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobs());
      } catch (ClientException e) {
        if (!(e.getCause() instanceof TimeoutException)) {
          throw e;
        }
        // unanswered: ask again (logged, and counted in the failure message)
        response.cancel(true);
        unanswered++;
        LOG.warn(
            "Activating '{}' jobs: no answer from the engine within {}; asking again",
            type,
            REQUEST_TIMEOUT);
        return Optional.empty();
      }
      job = takeActivated(type, filter);
    }
    return job;
  }

  private Optional<ActivatedJob> takeActivated(
      final String type, final Predicate<ActivatedJob> filter) {
    for (Iterator<ActivatedJob> it = activated.iterator(); it.hasNext(); ) {
      final ActivatedJob job = it.next();
      if (job.getType().equals(type) && filter.test(job)) {
        it.remove();
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a job of {@code type} for the process instance can be activated now (it is then kept
   * for a later {@link #activate}). Call after the engine is idle.
   */
  public synchronized boolean isActivatable(final String type, final long processInstanceKey) {
    final Optional<ActivatedJob> job =
        take(type, j -> j.getProcessInstanceKey() == processInstanceKey);
    job.ifPresent(activated::add);
    return job.isPresent();
  }

  /** Activates the job and completes it with {@code variables}; returns the job as activated. */
  public ActivatedJob complete(
      final String type, final long processInstanceKey, final Map<String, ?> variables) {
    final ActivatedJob job = activate(type, processInstanceKey);
    complete(job, variables);
    return job;
  }

  /** Activates the job and completes it without variables. */
  public ActivatedJob complete(final String type, final long processInstanceKey) {
    return complete(type, processInstanceKey, Map.of());
  }

  public void complete(final ActivatedJob job, final Map<String, ?> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  /** Activates the job and throws a BPMN error with {@code code} and {@code message}. */
  public ActivatedJob throwError(
      final String type, final long processInstanceKey, final String code, final String message) {
    return throwError(type, processInstanceKey, code, message, Map.of());
  }

  /** Activates the job and throws a BPMN error that also sets {@code variables}. */
  public ActivatedJob throwError(
      final String type,
      final long processInstanceKey,
      final String code,
      final String message,
      final Map<String, ?> variables) {
    final ActivatedJob job = activate(type, processInstanceKey);
    throwError(job, code, message, variables);
    return job;
  }

  public void throwError(final ActivatedJob job, final String code, final String message) {
    throwError(job, code, message, Map.of());
  }

  /** Throws a BPMN error from the job; {@code variables} (may be empty) are set where caught. */
  public void throwError(
      final ActivatedJob job,
      final String code,
      final String message,
      final Map<String, ?> variables) {
    client
        .newThrowErrorCommand(job.getKey())
        .errorCode(code)
        .errorMessage(message)
        .variables(variables)
        .send()
        .join();
  }

  /**
   * What a reserve-stock worker answers when it reserved the job's line (lineNo, sku, quantity).
   */
  public static Map<String, Object> reserved(final ActivatedJob reserveStock) {
    final Map<String, Object> line = reserveStock.getVariablesAsMap();
    return Map.of(
        "reservation",
        Map.of(
            "lineNo", line.get("lineNo"),
            "sku", line.get("sku"),
            "quantity", line.get("quantity"),
            "reserved", true));
  }

  /** Activates the job and fails it, leaving {@code retries} retries after {@code backoff}. */
  public ActivatedJob fail(
      final String type,
      final long processInstanceKey,
      final int retries,
      final Duration backoff,
      final String message) {
    final ActivatedJob job = activate(type, processInstanceKey);
    client
        .newFailCommand(job.getKey())
        .retries(retries)
        .retryBackoff(backoff)
        .errorMessage(message)
        .send()
        .join();
    return job;
  }
}
