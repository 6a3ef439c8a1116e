package com.example.fulfillment.app.events.deadletters;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The dead-letter admin API's problems. */
@FeatureProblems
class DeadLetterProblems {

  @ExceptionHandler(DeadLetterNotFoundException.class)
  ResponseEntity<ProblemDetail> deadLetterNotFound(final DeadLetterNotFoundException ex) {
    return ProblemType.DEAD_LETTER_NOT_FOUND.answer(ex.getMessage());
  }
}
