package com.example.fulfillment.payment;

import java.math.BigDecimal;

/**
 * Port: the payment provider. Every operation is idempotent at the provider, keyed by (order id,
 * operation), like an idempotency key: calling it again returns the first answer and moves no money
 * twice. A real provider adapter replaces the sandbox behind this interface.
 *
 * <p>Technical trouble is a {@link PaymentProviderUnavailableException}; a refusal of the payment
 * itself is a {@link ChargeOutcome.Declined} answer.
 */
public interface PaymentProvider {

  /** Charges (or, for methods needing confirmation, authorizes) the order's total. */
  ChargeOutcome charge(Charge charge);

  /** Captures a pending authorization. */
  void capture(String orderId, String chargeId, BigDecimal amount);

  /** Refunds captured money; never more than was captured. */
  void refund(String orderId, String chargeId, BigDecimal amount);

  /** Cancels a pending authorization. */
  void voidAuthorization(String orderId, String chargeId);

  /** A charge of {@code amount} to the order, with the payment token the customer gave. */
  record Charge(String orderId, String paymentToken, BigDecimal amount, String currency) {}
}
