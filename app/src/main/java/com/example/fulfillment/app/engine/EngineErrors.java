package com.example.fulfillment.app.engine;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Tells a passing engine outage (retry later) from a refusal (retrying changes nothing). */
public final class EngineErrors {

  /** gRPC codes of a gateway or broker that is down, restarting, overloaded or too slow. */
  static final Set<Status.Code> TRANSIENT =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.CANCELLED,
          Status.Code.ABORTED);

  private EngineErrors() {}

  /** The gRPC status code of a client failure, if it carries one. */
  static Optional<Status.Code> code(final Throwable failure) {
    final Throwable t = unwrap(failure);
    if (t instanceof ClientStatusException status) {
      return Optional.of(status.getStatusCode());
    }
    if (t instanceof StatusRuntimeException status) {
      return Optional.of(status.getStatus().getCode());
    }
    return Optional.empty();
  }

  /**
   * True for failures that say nothing about the request itself: the engine is unreachable,
   * overloaded or answered too late (a client-side timeout carries no status code).
   */
  public static boolean isTransient(final Throwable failure) {
    final Throwable t = unwrap(failure);
    return code(t)
        .map(TRANSIENT::contains)
        .orElse(t instanceof ClientException || t instanceof TimeoutException);
  }

  /** The engine refused the request itself (e.g. a model it cannot parse): retrying is futile. */
  static boolean isRejection(final Throwable failure) {
    return code(failure).filter(c -> c == Status.Code.INVALID_ARGUMENT).isPresent();
  }

  /** A one-line description for logs and health details (no stack trace). */
  static String describe(final Throwable failure) {
    final Throwable t = unwrap(failure);
    final String text =
        switch (t) {
          case StatusRuntimeException s ->
              s.getStatus().getCode() + ": " + s.getStatus().getDescription();
          case ClientStatusException s -> s.getStatusCode() + ": " + s.getStatus().getDescription();
          default -> t.getClass().getSimpleName() + ": " + t.getMessage();
        };
    return firstLine(text);
  }

  private static String firstLine(final String text) {
    final int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static Throwable unwrap(final Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
