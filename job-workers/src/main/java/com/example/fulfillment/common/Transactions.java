package com.example.fulfillment.common;

import java.util.function.Supplier;

/**
 * Port: runs work in one database transaction. Nested calls join the transaction already open, so a
 * use case that calls another records everything atomically or nothing.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(final Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
