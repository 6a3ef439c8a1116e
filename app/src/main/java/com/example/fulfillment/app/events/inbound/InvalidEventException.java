package com.example.fulfillment.app.events.inbound;

import java.util.List;

/** The event is not a valid CloudEvent of a type the ingress handles (400). */
public class InvalidEventException extends RuntimeException {

  /** One broken rule: the attribute (e.g. {@code type}, {@code data.deliveredAt}) and why. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidEventException(final List<Violation> violations) {
    super("invalid event: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
