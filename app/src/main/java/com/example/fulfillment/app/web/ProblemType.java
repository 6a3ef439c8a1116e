package com.example.fulfillment.app.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The API's kinds of problem (RFC 9457): each with its stable {@code type} URI, its status and its
 * title, so that one type always comes with the same status and title wherever it is answered. The
 * generic ones (Spring's own errors, see {@code ApiExceptionHandler}) keep Spring's title.
 */
public enum ProblemType {
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
  MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body"),
  BODY_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
  ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "order-not-found", "Order not found"),
  UNKNOWN_SKU(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-sku", "Unknown SKU"),
  IDEMPOTENCY_KEY_REUSED(
      HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused"),
  ORDER_ID_CONFLICT(HttpStatus.UNPROCESSABLE_ENTITY, "order-id-conflict", "Order id taken"),
  ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "order-not-cancellable", "Order cannot be cancelled"),
  INVALID_EVENT(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid event"),
  UNKNOWN_EVENT_ORDER(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-order", "Unknown order"),
  ENGINE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "engine-unavailable", "Process engine unavailable"),
  OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  WEBHOOK_REPLAYED(HttpStatus.CONFLICT, "webhook-replayed", "Webhook message already delivered"),
  DEAD_LETTER_NOT_FOUND(HttpStatus.NOT_FOUND, "dead-letter-not-found", "Dead letter not found"),
  EVENT_BROKER_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "event-broker-unavailable", "Event broker unavailable"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

  private static final String BASE = "https://fulfillment.example.com/problems/";

  private final HttpStatus status;
  private final URI uri;
  private final String title;

  ProblemType(final HttpStatus status, final String slug, final String title) {
    this.status = status;
    this.uri = URI.create(BASE + slug);
    this.title = title;
  }

  /** A generic type: Spring writes the problem, with the status's reason phrase as title. */
  ProblemType(final HttpStatus status, final String slug) {
    this(status, slug, status.getReasonPhrase());
  }

  public URI uri() {
    return uri;
  }

  /** The problem document of this type that says {@code detail}. */
  public ProblemDetail problem(final String detail) {
    return Problems.of(status, uri, title, detail);
  }

  /** The answer with this problem ({@link Problems#answer}). */
  public ResponseEntity<ProblemDetail> answer(final String detail) {
    return Problems.answer(problem(detail));
  }

  /** The answer with this problem and extra members (e.g. the id the problem is about). */
  public ResponseEntity<ProblemDetail> answer(
      final String detail, final Map<String, Object> properties) {
    final ProblemDetail problem = problem(detail);
    properties.forEach(problem::setProperty);
    return Problems.answer(problem);
  }
}
