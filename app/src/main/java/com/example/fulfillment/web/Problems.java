package com.example.fulfillment.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the API's problem documents: stable type, title, status, detail, correlation id. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(
      final HttpStatus status, final URI type, final String title, final String detail) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    problem.setProperty("correlationId", CorrelationId.current());
    return problem;
  }
}
