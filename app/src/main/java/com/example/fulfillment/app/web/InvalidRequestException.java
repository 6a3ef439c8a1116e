package com.example.fulfillment.app.web;

import java.util.List;

/** The request is well-formed but breaks a rule checked in code (400, with field details). */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> errors;

  public InvalidRequestException(final List<FieldProblem> errors) {
    super("invalid request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(final String field, final String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
