package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.ProblemType;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The partner-event endpoint's problems. */
@FeatureProblems
class EventProblems {

  @ExceptionHandler(InvalidEventException.class)
  ResponseEntity<ProblemDetail> invalidEvent(final InvalidEventException ex) {
    return ProblemType.INVALID_EVENT.answer(
        "The event is not a CloudEvent 1.0 of a type this endpoint handles.",
        Map.of(
            "errors",
            ex.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()));
  }

  @ExceptionHandler(EventForUnknownOrderException.class)
  ResponseEntity<ProblemDetail> eventForUnknownOrder(final EventForUnknownOrderException ex) {
    return ProblemType.UNKNOWN_EVENT_ORDER.answer(
        "The event names no known order: " + ex.getMessage(), Map.of("orderId", ex.orderId()));
  }
}
