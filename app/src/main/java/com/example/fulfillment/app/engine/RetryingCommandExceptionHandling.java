package com.example.fulfillment.app.engine;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.grpc.Status;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when the engine does not take a worker's answer (complete, fail, throw error): while
 * the engine is unreachable, restarting or overloaded, the answer is sent again with backoff until
 * the job's deadline has passed ({@code camunda.client.worker.defaults.timeout}; after that the
 * engine hands the job out again and the idempotent worker repeats it). An answer to a job the
 * engine no longer has ({@code NOT_FOUND}: timed out and given to another worker, or its instance
 * was cancelled) is dropped. Anything else is logged.
 *
 * <p>The starter's default strategy in 8.8.14 drops every failed answer (its retry condition never
 * holds for {@code UNAVAILABLE}), so after a broker restart each job activated before the crash
 * would wait for its timeout.
 */
class RetryingCommandExceptionHandling implements CommandExceptionHandlingStrategy {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingCommandExceptionHandling.class);

  private static final Pattern JOB_KEY = Pattern.compile("\"key\":\\s*(\\d+)");
  private static final Pattern JOB_TYPE = Pattern.compile("\"type\":\\s*\"([^\"]*)\"");

  private final BackoffSupplier backoff;
  private final ScheduledExecutorService scheduler;

  /**
   * "job KEY (TYPE)", read from the wrapper's text, which is the only way to its job: its own text
   * holds the job's variables, which stay out of the log.
   */
  static String describe(final CommandWrapper command) {
    final String text = String.valueOf(command);
    final Matcher key = JOB_KEY.matcher(text);
    final Matcher type = JOB_TYPE.matcher(text);
    return (key.find() ? "job " + key.group(1) : "a job")
        + (type.find() ? " (" + type.group(1) + ")" : "");
  }

  RetryingCommandExceptionHandling(
      final BackoffSupplier backoff, final ScheduledExecutorService scheduler) {
    this.backoff = backoff;
    this.scheduler = scheduler;
  }

  @Override
  public void handleCommandError(final CommandWrapper command, final Throwable failure) {
    if (EngineErrors.code(failure).filter(c -> c == Status.Code.NOT_FOUND).isPresent()) {
      LOG.debug("Engine no longer has {}: {}", describe(command), EngineErrors.describe(failure));
      return;
    }
    if (!EngineErrors.isTransient(failure)) {
      LOG.error(
          "Engine refused the answer to {}: {}",
          describe(command),
          EngineErrors.describe(failure),
          failure);
      return;
    }
    if (!command.hasMoreRetries()) {
      LOG.warn(
          "Giving up on the answer to {} ({}): no retry left before the job's deadline; the "
              + "engine hands the job out again once it has passed",
          describe(command),
          EngineErrors.describe(failure));
      return;
    }
    command.increaseBackoffUsing(backoff);
    LOG.debug(
        "Retrying the answer to {} after {}", describe(command), EngineErrors.describe(failure));
    command.scheduleExecutionUsing(scheduler);
  }
}
