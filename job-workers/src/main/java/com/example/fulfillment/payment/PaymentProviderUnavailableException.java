package com.example.fulfillment.payment;

import com.example.fulfillment.common.ProviderUnavailableException;
import java.time.Duration;

/** The payment provider could not be reached or failed: a technical failure, worth a retry. */
public class PaymentProviderUnavailableException extends ProviderUnavailableException {
  public PaymentProviderUnavailableException(final String message) {
    super(message);
  }

  public PaymentProviderUnavailableException(
      final String message,
      final boolean attempted,
      final Duration retryAfter,
      final Throwable cause) {
    super(message, attempted, retryAfter, cause);
  }
}
