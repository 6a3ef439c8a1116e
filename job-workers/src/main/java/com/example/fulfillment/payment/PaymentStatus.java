package com.example.fulfillment.payment;

/** State of an order's payment in our books. */
public enum PaymentStatus {
  /** Money captured. */
  CHARGED,
  /** Authorized, waiting for the customer's confirmation (message PaymentConfirmed). */
  PENDING_CONFIRMATION,
  /** The provider refused: a business outcome, nothing to undo. */
  DECLINED,
  /** A pending authorization was cancelled (compensation before capture). */
  VOIDED,
  /** The captured money went back (compensation after capture). */
  REFUNDED
}
