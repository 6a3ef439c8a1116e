package com.example.fulfillment.jobs;

import com.example.fulfillment.common.Backoff;
import com.example.fulfillment.common.Causation;
import com.example.fulfillment.common.ProviderUnavailableException;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every job worker does around its work, in one place:
 *
 * <ul>
 *   <li><b>logging context</b>: MDC keys {@value #MDC_ORDER_ID}, {@value
 *       #MDC_PROCESS_INSTANCE_KEY}, {@value #MDC_JOB_KEY}, {@value #MDC_JOB_TYPE} and {@value
 *       #MDC_CORRELATION_ID} (the process variable) for every log line while the job is handled;
 *   <li><b>metrics</b>: {@value #JOBS} (counter, tags {@code type} and {@code outcome} = {@code
 *       completed} | {@code bpmn_error} | {@code failed}), {@value #DURATION} (timer, same tags)
 *       and {@value #INCIDENTS} (counter, tag {@code type}: failures with no retries left);
 *   <li><b>tracing</b>: a span {@code job <type>} per job, a child of the span that started the
 *       order (W3C context in process variable {@value Variables#TRACEPARENT}), so one order is one
 *       trace; the domain's work, its log lines and the outbox rows it writes run inside it;
 *   <li><b>failures</b>: a {@link BpmnError} (business outcome, thrown by the worker) passes
 *       through; any other exception is a technical failure: it is logged with its stack trace and
 *       becomes a {@link TechnicalJobFailure} with {@code retries - 1} and the exponential {@link
 *       Backoff}, so the engine retries the job and raises an incident at 0 retries. Nothing is
 *       swallowed and nothing technical becomes a business path. A provider call refused on our
 *       side ({@link ProviderUnavailableException} not {@linkplain
 *       ProviderUnavailableException#attempted() attempted}: circuit breaker open, bulkhead full)
 *       fails the job keeping its retries, after the wait the refusal names: an outage of the
 *       provider does not turn every waiting order into an incident.
 * </ul>
 *
 * <p>A worker is a {@code @JobWorker} method of a {@code @Component} record of the domain service
 * and this: one record per job type, or one per capability holding its few jobs side by side
 * ({@code PaymentWorkers}, {@code OrderWorkers}, {@code WarehouseWorkers}). Each job has an input
 * record (its variables, each one required unless {@link Inputs.Optional}), an output record (the
 * variables it completes the job with; its {@code of} maps the domain's answer and throws a {@link
 * #refusal} for a business "no") and one call: {@code jobs.handle(job, input, in ->
 * service.doIt(in.orderId()), Output::of)}; {@code run} when it has no output, a bare {@code
 * orderId} where that is its only input. Each of them goes through {@link #handle(ActivatedJob,
 * Supplier)}.
 */
public class JobHandling {

  public static final String MDC_ORDER_ID = "orderId";
  public static final String MDC_PROCESS_INSTANCE_KEY = "processInstanceKey";
  public static final String MDC_JOB_KEY = "jobKey";
  public static final String MDC_JOB_TYPE = "jobType";
  public static final String MDC_CORRELATION_ID = "correlationId";

  /** Prefix of the {@link Causation} a job's work runs under: {@code zeebe-job-<job key>}. */
  public static final String CAUSATION_PREFIX = "zeebe-job-";

  public static final String JOBS = "fulfillment.worker.jobs";
  public static final String DURATION = "fulfillment.worker.duration";
  public static final String INCIDENTS = "fulfillment.worker.incidents";

  private static final Logger LOG = LoggerFactory.getLogger(JobHandling.class);
  private static final int MAX_MESSAGE = 800;

  private final MeterRegistry meters;
  private final Backoff backoff;
  private final int retries;
  private final Tracer tracer;
  private final Propagator propagator;
  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param backoff the wait after the n-th technical failure of a job
   * @param retries the retries a job starts with (the engine's default, 3): the failure number is
   *     read from the job's remaining retries
   */
  public JobHandling(
      final MeterRegistry meters,
      final Backoff backoff,
      final int retries,
      final Tracer tracer,
      final Propagator propagator) {
    if (retries < 1) {
      throw new IllegalArgumentException("jobs start with at least 1 retry: " + retries);
    }
    this.meters = meters;
    this.backoff = backoff;
    this.retries = retries;
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Adds a listener told about every handled job (see {@link JobListener}). */
  public void addListener(final JobListener listener) {
    listeners.add(listener);
  }

  /**
   * Handles a job: checks the {@code input} variables, asks the domain ({@code call}) and returns
   * what {@code output} makes of its answer: the variables to complete the job with (a record), or
   * a {@link #refusal} thrown for a business outcome.
   */
  public <I extends Record, R, O> O handle(
      final ActivatedJob job,
      final I input,
      final Function<? super I, ? extends R> call,
      final Function<? super R, ? extends O> output) {
    return handle(job, () -> output.apply(call.apply(Inputs.checked(input))));
  }

  /** Handles a job whose only input is the {@code orderId} variable (see above). */
  public <R, O> O handle(
      final ActivatedJob job,
      final String orderId,
      final Function<String, ? extends R> call,
      final Function<? super R, ? extends O> output) {
    return handle(
        job, () -> output.apply(call.apply(Inputs.required(orderId, Variables.ORDER_ID))));
  }

  /** Handles a job whose worker produces no variables: checks {@code input}, calls the domain. */
  public <I extends Record> void run(
      final ActivatedJob job, final I input, final Consumer<? super I> call) {
    run(job, () -> call.accept(Inputs.checked(input)));
  }

  /** Handles a job without output whose only input is the {@code orderId} variable. */
  public void run(final ActivatedJob job, final String orderId, final Consumer<String> call) {
    run(job, () -> call.accept(Inputs.required(orderId, Variables.ORDER_ID)));
  }

  /**
   * A refusal by the domain as the BPMN error the model catches (a business outcome, not a
   * failure): error {@code code} with the {@code reason} as message and as variable {@value
   * Variables#REJECTION_DETAIL}.
   */
  public static BpmnError refusal(final String code, final String reason) {
    return refusal(code, reason, Map.of(Variables.REJECTION_DETAIL, reason));
  }

  /** A refusal with its own error variables (local to the catching event). */
  public static BpmnError refusal(
      final String code, final String message, final Map<String, ?> variables) {
    return CamundaError.bpmnError(code, message, variables);
  }

  /** Handles a job whose worker produces no variables. */
  public void run(final ActivatedJob job, final Runnable work) {
    handle(
        job,
        () -> {
          work.run();
          return null;
        });
  }

  /** Handles a job: {@code work} returns the variables to complete it with (a record). */
  public <T> T handle(final ActivatedJob job, final Supplier<T> work) {
    final Map<String, Object> variables = variables(job);
    final Span span = startSpan(job, variables);
    // the whole handling in the span's scope: the failure logs below carry its trace id too
    try (var inSpan = tracer.withSpan(span)) {
      return handleInSpan(job, variables, span, work);
    }
  }

  private <T> T handleInSpan(
      final ActivatedJob job,
      final Map<String, Object> variables,
      final Span span,
      final Supplier<T> work) {
    final Map<String, String> previous = enterContext(job, variables);
    final Timer.Sample sample = Timer.start(meters);
    String outcome = "failed";
    Integer retriesLeft = null;
    String detail = null;
    try (var cause = Causation.open(CAUSATION_PREFIX + job.getKey())) {
      LOG.debug("Handling job {} ({} retries left)", job.getKey(), job.getRetries());
      final T result = work.get();
      outcome = "completed";
      return result;
    } catch (BpmnError e) {
      outcome = "bpmn_error";
      detail = e.getErrorCode() + ": " + e.getErrorMessage();
      LOG.info(
          "Job {} ends in BPMN error {}: {}", job.getKey(), e.getErrorCode(), e.getErrorMessage());
      throw e;
    } catch (JobError e) {
      detail = e.getMessage();
      retriesLeft = e.getRetries();
      LOG.warn("Job {} failed: {}", job.getKey(), e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      final TechnicalJobFailure failure = technicalFailure(job, e);
      detail = failure.getMessage();
      retriesLeft = failure.getRetries();
      span.error(e);
      throw failure;
    } finally {
      span.tag("job.outcome", outcome).end();
      notifyListeners(job, variables, outcome, retriesLeft, detail);
      count(job.getType(), outcome);
      sample.stop(
          Timer.builder(DURATION)
              .description("Time the fulfillment job workers spend per job")
              .tag("type", job.getType())
              .tag("outcome", outcome)
              .register(meters));
      restoreContext(previous);
    }
  }

  /**
   * The job's span: a child of the order's start (the {@value Variables#TRACEPARENT} variable), a
   * new trace for instances started without one.
   */
  private Span startSpan(final ActivatedJob job, final Map<String, Object> variables) {
    return propagator
        .extract(variables, (carrier, key) -> text(carrier.get(key)))
        .name("job " + job.getType())
        .kind(Span.Kind.CONSUMER)
        .tag("job.type", job.getType())
        .tag("job.key", job.getKey())
        .tag("job.retries", job.getRetries())
        .tag("bpmn.process.id", job.getBpmnProcessId())
        .tag("bpmn.element.id", job.getElementId())
        .tag("process.instance.key", job.getProcessInstanceKey())
        .tag("order.id", String.valueOf(variables.get(Variables.ORDER_ID)))
        .start();
  }

  private TechnicalJobFailure technicalFailure(final ActivatedJob job, final RuntimeException e) {
    final String cause = describe(e);
    if (e instanceof ProviderUnavailableException refused && !refused.attempted()) {
      // Nothing reached the provider: wait as told, with the retries the job has.
      final Duration wait = refused.retryAfter().orElseGet(() -> backoff.after(1));
      final String message =
          job.getType()
              + " not attempted: "
              + cause
              + " (again in "
              + wait
              + ", still "
              + job.getRetries()
              + " retries left)";
      LOG.warn("{}", message);
      return new TechnicalJobFailure(message, job.getRetries(), wait);
    }
    final int retries = Math.max(0, job.getRetries() - 1);
    if (retries > 0) {
      final Duration wait = backoff.after(Math.max(1, this.retries - job.getRetries() + 1));
      final String message =
          job.getType()
              + " failed: "
              + cause
              + " (retry in "
              + wait
              + ", "
              + retries
              + " retries left)";
      LOG.warn("{}", message, e);
      return new TechnicalJobFailure(message, retries, wait);
    }
    final String message = job.getType() + " failed, no retries left: " + cause;
    LOG.error("{} (incident)", message, e);
    Counter.builder(INCIDENTS)
        .description("Jobs the fulfillment workers failed with no retries left (incidents)")
        .tag("type", job.getType())
        .register(meters)
        .increment();
    return new TechnicalJobFailure(message, 0, Duration.ZERO);
  }

  private void notifyListeners(
      final ActivatedJob job,
      final Map<String, Object> variables,
      final String outcome,
      final Integer retriesLeft,
      final String detail) {
    if (listeners.isEmpty()) {
      return;
    }
    final JobListener.HandledJob handled =
        new JobListener.HandledJob(
            job.getKey(),
            job.getType(),
            job.getBpmnProcessId(),
            job.getProcessInstanceKey(),
            job.getElementId(),
            job.getElementInstanceKey(),
            job.getRetries(),
            text(variables.get(Variables.ORDER_ID)),
            outcome,
            retriesLeft,
            detail);
    for (JobListener listener : listeners) {
      try {
        listener.jobHandled(handled);
      } catch (RuntimeException e) {
        LOG.warn("Job listener {} failed; ignored", listener.getClass().getSimpleName(), e);
      }
    }
  }

  private void count(final String type, final String outcome) {
    Counter.builder(JOBS)
        .description("Jobs handled by the fulfillment workers, by outcome")
        .tag("type", type)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static String describe(final Throwable e) {
    final String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  private static Map<String, String> enterContext(
      final ActivatedJob job, final Map<String, Object> variables) {
    final Map<String, String> values = new LinkedHashMap<>();
    values.put(MDC_JOB_KEY, Long.toString(job.getKey()));
    values.put(MDC_JOB_TYPE, job.getType());
    values.put(MDC_PROCESS_INSTANCE_KEY, Long.toString(job.getProcessInstanceKey()));
    values.put(MDC_ORDER_ID, text(variables.get(Variables.ORDER_ID)));
    values.put(MDC_CORRELATION_ID, text(variables.get(Variables.CORRELATION_ID)));
    final Map<String, String> previous = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          previous.put(key, MDC.get(key));
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
    return previous;
  }

  private static Map<String, Object> variables(final ActivatedJob job) {
    try {
      final Map<String, Object> variables = job.getVariablesAsMap();
      return variables == null ? Map.of() : variables;
    } catch (RuntimeException unreadable) {
      return Map.of(); // the worker's own variable mapping will report it
    }
  }

  private static void restoreContext(final Map<String, String> previous) {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }

  private static String text(final Object value) {
    return value == null ? null : value.toString();
  }
}
