package com.example.fulfillment.common;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one idempotency pattern of the domain: return what was recorded for a key, or perform the
 * effect and record it in one transaction. When a concurrent caller records the same key first, the
 * loser's transaction rolls back (unique key) and it returns the winner's record.
 *
 * <p>Call it outside any open transaction: the loser's re-read needs a fresh one (on PostgreSQL a
 * failed statement aborts the whole transaction).
 */
public final class Once {

  private Once() {}

  /**
   * @param recorded reads the recorded result for the key, if any
   * @param perform performs the effect and records it under the key; throws {@link
   *     AlreadyRecordedException} when the key is taken
   */
  public static <T> T perform(
      final Transactions tx, final Supplier<Optional<T>> recorded, final Supplier<T> perform) {
    try {
      return tx.inTransaction(() -> recorded.get().orElseGet(perform));
    } catch (AlreadyRecordedException raced) {
      return tx.inTransaction(recorded)
          .orElseThrow(() -> new IllegalStateException("recorded result vanished", raced));
    }
  }
}
