package com.example.fulfillment.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A remote provider (payment, carrier) could not answer: a technical failure, worth a retry. {@link
 * #attempted()} tells whether the request reached the provider at all: a call refused on our side
 * (circuit breaker open, bulkhead full, address not known yet) was not, and must not use up one of
 * the job's retries; {@link #retryAfter()} is when asking again makes sense, if known.
 */
public class ProviderUnavailableException extends RuntimeException {

  private final boolean attempted;
  private final transient Duration retryAfter;

  public ProviderUnavailableException(final String message) {
    this(message, true, null, null);
  }

  public ProviderUnavailableException(
      final String message,
      final boolean attempted,
      final Duration retryAfter,
      final Throwable cause) {
    super(message, cause);
    this.attempted = attempted;
    this.retryAfter = retryAfter;
  }

  /** Whether the request went out to the provider (false: refused before it left). */
  public boolean attempted() {
    return attempted;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
