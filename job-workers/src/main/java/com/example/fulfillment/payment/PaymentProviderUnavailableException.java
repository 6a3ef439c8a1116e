package com.example.fulfillment.payment;

/** The payment provider could not be reached or failed: a technical failure, worth a retry. */
public class PaymentProviderUnavailableException extends RuntimeException {
  public PaymentProviderUnavailableException(final String message) {
    super(message);
  }
}
