package com.example.fulfillment.app.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the API's problem documents: stable type, title, status, detail, correlation id. Each
 * feature maps its own exceptions with an advice of its own, ordered before the catch-all of {@code
 * ApiExceptionHandler} ({@link #FEATURE_ADVICE_ORDER}).
 */
public final class Problems {

  /** {@code @Order} of the features' exception advices: before the generic one. */
  public static final int FEATURE_ADVICE_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** Seconds in {@code Retry-After} of a 503. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private Problems() {}

  /** The answer that carries {@code problem}, with the problem's own status. */
  public static ResponseEntity<ProblemDetail> answer(final ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /** 503 with {@code Retry-After}. */
  public static ResponseEntity<ProblemDetail> serviceUnavailable(final ProblemDetail problem) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  /** The process engine cannot take the request now. */
  public static ProblemDetail engineUnavailable(final String detail) {
    return of(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemTypes.ENGINE_UNAVAILABLE,
        "Process engine unavailable",
        detail);
  }

  /** 500: a failure nobody expected; what it was is in the log, under the correlation id. */
  public static ResponseEntity<ProblemDetail> internalError() {
    return ResponseEntity.internalServerError()
        .body(
            of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "The request failed unexpectedly; the correlation id is in the logs."));
  }

  public static ProblemDetail of(
      final HttpStatus status, final URI type, final String title, final String detail) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    problem.setProperty("correlationId", CorrelationId.current());
    return problem;
  }
}
