package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.order.IdempotencyKeyReusedException;
import com.example.fulfillment.app.order.OrderNotCancellableException;
import com.example.fulfillment.app.order.OrderStartDeferredException;
import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import com.example.fulfillment.app.web.Problems;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.UnknownOrderException;
import com.example.fulfillment.order.UnknownSkuException;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The order API's problems: one table from exception to problem type and extra members. */
@FeatureProblems
class OrderProblems {

  @ExceptionHandler({
    UnknownOrderException.class,
    UnknownSkuException.class,
    IdempotencyKeyReusedException.class,
    OrderConflictException.class,
    OrderNotCancellableException.class,
    OrderStartDeferredException.class
  })
  ResponseEntity<ProblemDetail> problem(final RuntimeException ex) {
    return switch (ex) {
      case UnknownOrderException e -> ProblemType.ORDER_NOT_FOUND.answer(e.getMessage());
      case UnknownSkuException e ->
          ProblemType.UNKNOWN_SKU.answer(e.getMessage(), Map.of("sku", e.sku()));
      case IdempotencyKeyReusedException e ->
          ProblemType.IDEMPOTENCY_KEY_REUSED.answer(e.getMessage());
      case OrderConflictException e ->
          ProblemType.ORDER_ID_CONFLICT.answer(e.getMessage(), Map.of("orderId", e.orderId()));
      case OrderNotCancellableException e ->
          ProblemType.ORDER_NOT_CANCELLABLE.answer(
              e.getMessage(), Map.of("orderStatus", e.status().name()));
      case OrderStartDeferredException e ->
          ProblemType.ENGINE_UNAVAILABLE.answer(
              "The order is recorded (RECEIVED) but its process could not be started; repeat the"
                  + " request with the same Idempotency-Key (the app also retries by itself).",
              Map.of("orderId", e.orderId()));
      // Spring matched one of the above as the cause of what was thrown, and hands over the wrapper
      default ->
          ex.getCause() instanceof RuntimeException cause
              ? problem(cause)
              : Problems.internalError();
    };
  }
}
