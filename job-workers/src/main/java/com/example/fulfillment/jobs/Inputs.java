package com.example.fulfillment.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** Checks of job variables: a missing one is a contract violation, i.e. a technical failure. */
public final class Inputs {

  private Inputs() {}

  public static <T> T required(final T value, final String variable) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new MissingVariableException(variable);
    }
    return value;
  }

  /**
   * Checks a worker's input record: every component is a variable of the same name that the job
   * must have (not null, not blank), unless it is marked {@link Optional}. Checked in the order of
   * the components; the first one missing is reported.
   */
  public static <I extends Record> I checked(final I input) {
    for (RecordComponent component : input.getClass().getRecordComponents()) {
      if (!component.isAnnotationPresent(Optional.class)) {
        required(value(component, input), component.getName());
      }
    }
    return input;
  }

  private static Object value(final RecordComponent component, final Record input) {
    try {
      return component.getAccessor().invoke(input);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read input variable " + component.getName(), e);
    }
  }

  /** A component of an input record the job may lack (null or blank is passed on as it is). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Optional {}

  /** A job arrived without a variable its worker needs: the model and the code disagree. */
  public static class MissingVariableException extends RuntimeException {
    MissingVariableException(final String variable) {
      super("job has no variable '" + variable + "'");
    }
  }
}
