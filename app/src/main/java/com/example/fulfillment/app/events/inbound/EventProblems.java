package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.ProblemTypes;
import com.example.fulfillment.app.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The partner-event endpoint's problems. */
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER)
class EventProblems {

  @ExceptionHandler(InvalidEventException.class)
  ResponseEntity<ProblemDetail> invalidEvent(final InvalidEventException ex) {
    final ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.INVALID_EVENT,
            "Invalid event",
            "The event is not a CloudEvent 1.0 of a type this endpoint handles.");
    problem.setProperty(
        "errors",
        ex.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList());
    return Problems.answer(problem);
  }

  @ExceptionHandler(EventForUnknownOrderException.class)
  ResponseEntity<ProblemDetail> eventForUnknownOrder(final EventForUnknownOrderException ex) {
    final ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_ENTITY,
            ProblemTypes.UNKNOWN_EVENT_ORDER,
            "Unknown order",
            "The event names no known order: " + ex.getMessage());
    problem.setProperty("orderId", ex.orderId());
    return Problems.answer(problem);
  }
}
