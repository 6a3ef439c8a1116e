package com.example.fulfillment.common;

/**
 * A repository could not record an effect because its idempotency key (order id, step[, line]) is
 * taken: someone recorded it first, possibly concurrently. The transaction that tried is rolled
 * back; the caller reads what was recorded and returns that.
 */
public class AlreadyRecordedException extends RuntimeException {

  public AlreadyRecordedException(final String what, final Throwable cause) {
    super(what + " is already recorded", cause);
  }
}
