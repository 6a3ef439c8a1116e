package com.example.fulfillment.app.order;

/** The Idempotency-Key was used before for a different request (422). */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException(final String key) {
    super("Idempotency-Key '" + key + "' was used before for a different request");
  }
}
