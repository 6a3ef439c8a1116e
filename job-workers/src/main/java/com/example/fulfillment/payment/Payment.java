package com.example.fulfillment.payment;

import java.math.BigDecimal;

/**
 * An order's payment in our books; key: order id.
 *
 * @param chargeResult the provider's first answer, never changes
 * @param status where the payment is now
 * @param capturedAmount money taken from the customer
 * @param refundedAmount money given back; never more than {@code capturedAmount}
 */
public record Payment(
    String orderId,
    String chargeId,
    PaymentStatus chargeResult,
    PaymentStatus status,
    BigDecimal amount,
    String currency,
    BigDecimal capturedAmount,
    BigDecimal refundedAmount,
    String declineReason) {

  /** The answer to the charge request that created this record. */
  public ChargeOutcome outcome() {
    return switch (chargeResult) {
      case CHARGED -> new ChargeOutcome.Charged(chargeId);
      case PENDING_CONFIRMATION -> new ChargeOutcome.PendingConfirmation(chargeId);
      case DECLINED -> new ChargeOutcome.Declined(declineReason);
      default -> throw new IllegalStateException("not a charge result: " + chargeResult);
    };
  }

  static Payment of(
      final String orderId,
      final ChargeOutcome outcome,
      final BigDecimal amount,
      final String currency) {
    return switch (outcome) {
      case ChargeOutcome.Charged c ->
          new Payment(
              orderId,
              c.chargeId(),
              PaymentStatus.CHARGED,
              PaymentStatus.CHARGED,
              amount,
              currency,
              amount,
              BigDecimal.ZERO,
              null);
      case ChargeOutcome.PendingConfirmation p ->
          new Payment(
              orderId,
              p.chargeId(),
              PaymentStatus.PENDING_CONFIRMATION,
              PaymentStatus.PENDING_CONFIRMATION,
              amount,
              currency,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              null);
      case ChargeOutcome.Declined d ->
          new Payment(
              orderId,
              null,
              PaymentStatus.DECLINED,
              PaymentStatus.DECLINED,
              amount,
              currency,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              d.reason());
    };
  }
}
