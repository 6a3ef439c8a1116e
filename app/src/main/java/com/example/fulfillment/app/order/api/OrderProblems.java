package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.order.IdempotencyKeyReusedException;
import com.example.fulfillment.app.order.OrderNotCancellableException;
import com.example.fulfillment.app.order.OrderStartDeferredException;
import com.example.fulfillment.app.web.ProblemTypes;
import com.example.fulfillment.app.web.Problems;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.UnknownOrderException;
import com.example.fulfillment.order.UnknownSkuException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order API's problems. */
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER)
class OrderProblems {

  @ExceptionHandler(UnknownOrderException.class)
  ResponseEntity<ProblemDetail> unknownOrder(final UnknownOrderException ex) {
    return Problems.answer(
        Problems.of(
            HttpStatus.NOT_FOUND,
            ProblemTypes.ORDER_NOT_FOUND,
            "Order not found",
            ex.getMessage()));
  }

  @ExceptionHandler(UnknownSkuException.class)
  ResponseEntity<ProblemDetail> unknownSku(final UnknownSkuException ex) {
    final ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ProblemTypes.UNKNOWN_SKU,
            "Unknown SKU",
            ex.getMessage());
    problem.setProperty("sku", ex.sku());
    return Problems.answer(problem);
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(final IdempotencyKeyReusedException ex) {
    return Problems.answer(
        Problems.of(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ProblemTypes.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key reused",
            ex.getMessage()));
  }

  @ExceptionHandler(OrderConflictException.class)
  ResponseEntity<ProblemDetail> orderIdTaken(final OrderConflictException ex) {
    final ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ProblemTypes.ORDER_ID_CONFLICT,
            "Order id taken",
            ex.getMessage());
    problem.setProperty("orderId", ex.orderId());
    return Problems.answer(problem);
  }

  @ExceptionHandler(OrderNotCancellableException.class)
  ResponseEntity<ProblemDetail> notCancellable(final OrderNotCancellableException ex) {
    final ProblemDetail problem =
        Problems.of(
            HttpStatus.CONFLICT,
            ProblemTypes.ORDER_NOT_CANCELLABLE,
            "Order cannot be cancelled",
            ex.getMessage());
    problem.setProperty("orderStatus", ex.status().name());
    return Problems.answer(problem);
  }

  @ExceptionHandler(OrderStartDeferredException.class)
  ResponseEntity<ProblemDetail> startDeferred(final OrderStartDeferredException ex) {
    final ProblemDetail problem =
        Problems.engineUnavailable(
            "The order is recorded (RECEIVED) but its process could not be started; repeat the"
                + " request with the same Idempotency-Key (the app also retries by itself).");
    problem.setProperty("orderId", ex.orderId());
    return Problems.serviceUnavailable(problem);
  }
}
