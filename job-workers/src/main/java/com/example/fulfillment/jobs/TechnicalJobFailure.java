package com.example.fulfillment.jobs;

import io.camunda.client.exception.JobError;
import java.time.Duration;

/**
 * The {@link JobError} a worker throws for a technical failure: the starter fails the job with
 * these retries and this backoff. The starter uses the error's printed stack trace as the incident
 * message; this one prints as its message alone, so the incident reads well (the full exception is
 * in the worker's log).
 */
public final class TechnicalJobFailure extends JobError {

  TechnicalJobFailure(final String message, final int retries, final Duration backoff) {
    super(message, null, retries, backoff, null);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
