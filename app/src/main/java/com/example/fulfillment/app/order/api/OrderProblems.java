package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.order.IdempotencyKeyReusedException;
import com.example.fulfillment.app.order.OrderNotCancellableException;
import com.example.fulfillment.app.order.OrderStartDeferredException;
import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.UnknownOrderException;
import com.example.fulfillment.order.UnknownSkuException;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The order API's problems. */
@FeatureProblems
class OrderProblems {

  @ExceptionHandler(UnknownOrderException.class)
  ResponseEntity<ProblemDetail> unknownOrder(final UnknownOrderException ex) {
    return ProblemType.ORDER_NOT_FOUND.answer(ex.getMessage());
  }

  @ExceptionHandler(UnknownSkuException.class)
  ResponseEntity<ProblemDetail> unknownSku(final UnknownSkuException ex) {
    return ProblemType.UNKNOWN_SKU.answer(ex.getMessage(), Map.of("sku", ex.sku()));
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(final IdempotencyKeyReusedException ex) {
    return ProblemType.IDEMPOTENCY_KEY_REUSED.answer(ex.getMessage());
  }

  @ExceptionHandler(OrderConflictException.class)
  ResponseEntity<ProblemDetail> orderIdTaken(final OrderConflictException ex) {
    return ProblemType.ORDER_ID_CONFLICT.answer(ex.getMessage(), Map.of("orderId", ex.orderId()));
  }

  @ExceptionHandler(OrderNotCancellableException.class)
  ResponseEntity<ProblemDetail> notCancellable(final OrderNotCancellableException ex) {
    return ProblemType.ORDER_NOT_CANCELLABLE.answer(
        ex.getMessage(), Map.of("orderStatus", ex.status().name()));
  }

  @ExceptionHandler(OrderStartDeferredException.class)
  ResponseEntity<ProblemDetail> startDeferred(final OrderStartDeferredException ex) {
    return ProblemType.ENGINE_UNAVAILABLE.answer(
        "The order is recorded (RECEIVED) but its process could not be started; repeat the"
            + " request with the same Idempotency-Key (the app also retries by itself).",
        Map.of("orderId", ex.orderId()));
  }
}
