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
 * ApiExceptionHandler} ({@link #FEATURE_ADVICE_ORDER}); the kinds of problem are {@link
 * ProblemType}.
 */
public final class Problems {

  /** {@code @Order} of the features' exception advices: before the generic one. */
  public static final int FEATURE_ADVICE_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** Seconds in {@code Retry-After} of a 503. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private Problems() {}

  /**
   * The answer that carries {@code problem}, with the problem's own status; a 503 also says when to
   * try again ({@code Retry-After}).
   */
  public static ResponseEntity<ProblemDetail> answer(final ProblemDetail problem) {
    final ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return answer.body(problem);
  }

  /** 500: a failure nobody expected; what it was is in the log, under the correlation id. */
  public static ResponseEntity<ProblemDetail> internalError() {
    return ProblemType.INTERNAL.answer(
        "The request failed unexpectedly; the correlation id is in the logs.");
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
