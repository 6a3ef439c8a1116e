package com.example.fulfillment.jobs;

/** Checks of job variables: a missing one is a contract violation, i.e. a technical failure. */
public final class Inputs {

  private Inputs() {}

  public static <T> T required(final T value, final String variable) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new MissingVariableException(variable);
    }
    return value;
  }

  /** A job arrived without a variable its worker needs: the model and the code disagree. */
  public static class MissingVariableException extends RuntimeException {
    MissingVariableException(final String variable) {
      super("job has no variable '" + variable + "'");
    }
  }
}
