package com.example.fulfillment.web;

import com.example.fulfillment.engine.EngineUnavailableException;
import com.example.fulfillment.events.EventForUnknownOrderException;
import com.example.fulfillment.events.admin.DeadLetterNotFoundException;
import com.example.fulfillment.events.InvalidEventException;
import com.example.fulfillment.order.IdempotencyKeyReusedException;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.OrderNotCancellableException;
import com.example.fulfillment.order.OrderStartDeferredException;
import com.example.fulfillment.order.UnknownOrderException;
import com.example.fulfillment.order.UnknownSkuException;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer with a stable
 * {@code type}, and never leaks internals in it.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Map<Integer, URI> TYPE_BY_STATUS =
      Map.of(
          400, ProblemTypes.INVALID_REQUEST,
          404, ProblemTypes.NOT_FOUND,
          405, ProblemTypes.METHOD_NOT_ALLOWED,
          406, ProblemTypes.NOT_ACCEPTABLE,
          413, ProblemTypes.BODY_TOO_LARGE,
          415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
          503, ProblemTypes.ENGINE_UNAVAILABLE);

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
            .map(e -> new FieldProblem(String.valueOf(e.getCodes() == null ? "" : e.getCodes()[0]),
                e.getDefaultMessage()))
            .toList());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalidRequest(final InvalidRequestException ex) {
    return invalid(ex.errors());
  }

  private static ResponseEntity<Object> invalid(final List<FieldProblem> errors) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
            "The request has invalid fields.");
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
            Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed request body",
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
            TYPE_BY_STATUS.getOrDefault(statusCode.value(), ProblemTypes.INVALID_REQUEST));
      }
      problem.setProperty("correlationId", CorrelationId.current());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @ExceptionHandler(UnknownOrderException.class)
  ResponseEntity<ProblemDetail> unknownOrder(final UnknownOrderException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.ORDER_NOT_FOUND, "Order not found",
            ex.getMessage()));
  }

  @ExceptionHandler(UnknownSkuException.class)
  ResponseEntity<ProblemDetail> unknownSku(final UnknownSkuException ex) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_SKU, "Unknown SKU",
            ex.getMessage());
    problem.setProperty("sku", ex.sku());
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(final IdempotencyKeyReusedException ex) {
    return ResponseEntity.unprocessableEntity()
        .body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key reused", ex.getMessage()));
  }

  @ExceptionHandler(OrderConflictException.class)
  ResponseEntity<ProblemDetail> orderIdTaken(final OrderConflictException ex) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.ORDER_ID_CONFLICT,
            "Order id taken", ex.getMessage());
    problem.setProperty("orderId", ex.orderId());
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(OrderNotCancellableException.class)
  ResponseEntity<ProblemDetail> notCancellable(final OrderNotCancellableException ex) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.CONFLICT, ProblemTypes.ORDER_NOT_CANCELLABLE,
            "Order cannot be cancelled", ex.getMessage());
    problem.setProperty("orderStatus", ex.status().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(InvalidEventException.class)
  ResponseEntity<ProblemDetail> invalidEvent(final InvalidEventException ex) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_EVENT, "Invalid event",
            "The event is not a CloudEvent 1.0 of a type this endpoint handles.");
    problem.setProperty(
        "errors",
        ex.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(EventForUnknownOrderException.class)
  ResponseEntity<ProblemDetail> eventForUnknownOrder(final EventForUnknownOrderException ex) {
    final ProblemDetail problem =
        Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_EVENT_ORDER,
            "Unknown order", "The event names no known order: " + ex.getMessage());
    problem.setProperty("orderId", ex.orderId());
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(DeadLetterNotFoundException.class)
  ResponseEntity<ProblemDetail> deadLetterNotFound(final DeadLetterNotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.DEAD_LETTER_NOT_FOUND,
            "Dead letter not found", ex.getMessage()));
  }

  /** The admin endpoints talk to the broker: when it is away, say so (and keep its text out). */
  @ExceptionHandler(AmqpException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(final AmqpException ex) {
    LOG.warn("Event broker unavailable: {}", ex.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.EVENT_BROKER_UNAVAILABLE,
            "Event broker unavailable", "The message broker cannot be reached; retry later."));
  }

  @ExceptionHandler(OrderStartDeferredException.class)
  ResponseEntity<ProblemDetail> startDeferred(final OrderStartDeferredException ex) {
    final ProblemDetail problem =
        unavailable(
            "The order is recorded (RECEIVED) but its process could not be started; repeat the"
                + " request with the same Idempotency-Key (the app also retries by itself).");
    problem.setProperty("orderId", ex.orderId());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @ExceptionHandler(EngineUnavailableException.class)
  ResponseEntity<ProblemDetail> engineUnavailable(final EngineUnavailableException ex) {
    LOG.warn("Process engine unavailable: {}", ex.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(unavailable("The process engine cannot be reached; retry later."));
  }

  @ExceptionHandler(ClientException.class)
  ResponseEntity<ProblemDetail> engine(final ClientException ex) {
    if (ex instanceof ClientStatusException status
        && !java.util.Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
                Status.Code.RESOURCE_EXHAUSTED)
            .contains(status.getStatusCode())) {
      return internal(ex);
    }
    return engineUnavailable(new EngineUnavailableException(ex.getMessage(), ex));
  }

  private static ProblemDetail unavailable(final String detail) {
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.ENGINE_UNAVAILABLE,
        "Process engine unavailable", detail);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> internal(final Exception ex) {
    LOG.error("Unhandled error", ex);
    return ResponseEntity.internalServerError()
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
            "The request failed unexpectedly; the correlation id is in the logs."));
  }
}
