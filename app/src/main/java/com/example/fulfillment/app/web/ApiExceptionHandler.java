package com.example.fulfillment.app.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer with a stable {@code
 * type}, and never leaks internals in it. Here: validation, malformed bodies, Spring's own errors
 * and the catch-all 500; each feature maps its own exceptions in an advice of its own, ordered
 * before this one ({@link Problems#FEATURE_ADVICE_ORDER}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private static final Map<Integer, ProblemType> TYPE_BY_STATUS =
      Map.of(
          400, ProblemType.INVALID_REQUEST,
          404, ProblemType.NOT_FOUND,
          405, ProblemType.METHOD_NOT_ALLOWED,
          406, ProblemType.NOT_ACCEPTABLE,
          413, ProblemType.BODY_TOO_LARGE,
          415, ProblemType.UNSUPPORTED_MEDIA_TYPE,
          503, ProblemType.ENGINE_UNAVAILABLE);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      final MethodArgumentNotValidException ex,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    return invalid(
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
            .toList());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      final HandlerMethodValidationException ex,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    return invalid(
        ex.getAllErrors().stream()
            .map(
                e ->
                    new FieldProblem(
                        String.valueOf(e.getCodes() == null ? "" : e.getCodes()[0]),
                        e.getDefaultMessage()))
            .toList());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalidRequest(final InvalidRequestException ex) {
    return invalid(ex.errors());
  }

  private static ResponseEntity<Object> invalid(final List<FieldProblem> errors) {
    final ProblemDetail problem =
        ProblemType.INVALID_REQUEST.problem("The request has invalid fields.");
    problem.setProperty(
        "errors",
        errors.stream()
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList());
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      final HttpMessageNotReadableException ex,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    // The parser's message can quote the input back: keep it out of the answer.
    return ResponseEntity.badRequest()
        .body(
            ProblemType.MALFORMED_BODY.problem(
                "The request body is missing or is not valid JSON of the expected shape"
                    + " (no unknown fields, no wrong types)."));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable final Object body,
      final HttpHeaders headers,
      final HttpStatusCode statusCode,
      final WebRequest request) {
    // Spring's own problems (415, 405, ...) come with type about:blank: give them ours.
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(
            TYPE_BY_STATUS.getOrDefault(statusCode.value(), ProblemType.INVALID_REQUEST).uri());
      }
      problem.setProperty("correlationId", CorrelationId.current());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internal(final Exception ex) {
    LOG.error("Unhandled error", ex);
    return Problems.internalError();
  }
}
