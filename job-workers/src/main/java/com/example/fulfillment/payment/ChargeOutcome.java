package com.example.fulfillment.payment;

/** Answer to charging an order, from the provider and then from our books. */
public sealed interface ChargeOutcome {

  /** The money is captured. */
  record Charged(String chargeId) implements ChargeOutcome {}

  /** Authorized; captured later (capture-payment) or voided (refund-payment). */
  record PendingConfirmation(String chargeId) implements ChargeOutcome {}

  /** A business decline (BPMN error PAYMENT_DECLINED); {@code reason} is shown to people. */
  record Declined(String reason) implements ChargeOutcome {}
}
