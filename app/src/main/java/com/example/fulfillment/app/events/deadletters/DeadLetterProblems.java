package com.example.fulfillment.app.events.deadletters;

import com.example.fulfillment.app.web.ProblemTypes;
import com.example.fulfillment.app.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The dead-letter admin API's problems. */
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER)
class DeadLetterProblems {

  @ExceptionHandler(DeadLetterNotFoundException.class)
  ResponseEntity<ProblemDetail> deadLetterNotFound(final DeadLetterNotFoundException ex) {
    return Problems.answer(
        Problems.of(
            HttpStatus.NOT_FOUND,
            ProblemTypes.DEAD_LETTER_NOT_FOUND,
            "Dead letter not found",
            ex.getMessage()));
  }
}
