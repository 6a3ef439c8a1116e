package com.example.fulfillment.app.events.contracts;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The contract endpoints' problems. */
@FeatureProblems
class ContractProblems {

  @ExceptionHandler(SchemaNotFoundException.class)
  ResponseEntity<ProblemDetail> schemaNotFound(final SchemaNotFoundException ex) {
    return ProblemType.SCHEMA_NOT_FOUND.answer(ex.getMessage());
  }
}
