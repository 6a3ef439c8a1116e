package com.example.fulfillment.app.events.deadletters;

/** No dead letter with this id (404). */
public class DeadLetterNotFoundException extends RuntimeException {

  public DeadLetterNotFoundException(final String id) {
    super("no dead letter with id " + id);
  }
}
