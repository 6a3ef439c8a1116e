package com.example.fulfillment.order.worker;

import com.example.fulfillment.order.Outcome;

/** Out of the terminal workers: {@code outcome}. */
public record OutcomeOutput(String outcome) {

  static OutcomeOutput of(final Outcome outcome) {
    return new OutcomeOutput(outcome.name());
  }
}
