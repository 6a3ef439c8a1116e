package com.example.fulfillment.common;

import java.util.Optional;

/**
 * What the current thread is doing on behalf of: the id of the request, job or event that caused
 * the work (CloudEvents extension {@code causationid} of the events it records). Adapters set it
 * where work enters the app (the API per request, job handling per job); the domain never needs to
 * pass it along, and events recorded outside any scope simply have none.
 */
public final class Causation {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Causation() {}

  /** The cause of the current work, if an adapter named one. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Names the cause until the scope is closed (then the previous one applies again): {@code try
   * (var cause = Causation.open(id)) { ... }}.
   */
  public static Scope open(final String causationId) {
    final String previous = CURRENT.get();
    CURRENT.set(causationId);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** A named cause; closing it restores the previous one. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
