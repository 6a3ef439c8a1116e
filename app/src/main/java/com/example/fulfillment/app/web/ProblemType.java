package com.example.fulfillment.app.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The API's kinds of problem (RFC 9457): each with its stable {@code type} URI (its name as a slug
 * unless it says otherwise), its status and its title, so that one type always comes with the same
 * status and title wherever it is answered. The generic ones (Spring's own errors, see {@code
 * ApiExceptionHandler}) keep Spring's title.
 */
public enum ProblemType {
  // the request itself
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
  MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
  BODY_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
  NOT_FOUND(HttpStatus.NOT_FOUND),
  // who asks
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
  // orders
  ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "Order not found"),
  UNKNOWN_SKU(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown SKU"),
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused"),
  ORDER_ID_CONFLICT(HttpStatus.UNPROCESSABLE_ENTITY, "Order id taken"),
  ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "Order cannot be cancelled"),
  // events, webhooks and dead letters
  INVALID_EVENT(HttpStatus.BAD_REQUEST, "Invalid event"),
  UNKNOWN_EVENT_ORDER(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-order", "Unknown order"),
  WEBHOOK_REPLAYED(HttpStatus.CONFLICT, "Webhook message already delivered"),
  DEAD_LETTER_NOT_FOUND(HttpStatus.NOT_FOUND, "Dead letter not found"),
  EVENT_BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Event broker unavailable"),
  SCHEMA_NOT_FOUND(HttpStatus.NOT_FOUND, "Event schema not found"),
  // capacity and the engine
  ENGINE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable"),
  OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "Overloaded"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  // model versions, migration and repair
  INVALID_MODEL(HttpStatus.BAD_REQUEST, "Invalid model"),
  PROCESS_DEFINITION_NOT_FOUND(HttpStatus.NOT_FOUND, "Process definition not found"),
  INVALID_MIGRATION(HttpStatus.BAD_REQUEST, "Invalid migration plan"),
  INVALID_MODIFICATION(HttpStatus.BAD_REQUEST, "Invalid modification"),
  NO_ACTIVE_INSTANCE(HttpStatus.CONFLICT, "No active process instance"),
  MODIFICATION_REFUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Modification refused by the engine"),
  // anything else
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

  /** The usual case: the slug is the constant's name in lower case, words joined by '-'. */
  ProblemType(final HttpStatus status, final String title) {
    this.status = status;
    this.uri = URI.create(BASE + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    this.title = title;
  }

  /** A generic type: Spring writes the problem, with the status's reason phrase as title. */
  ProblemType(final HttpStatus status) {
    this(status, status.getReasonPhrase());
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
