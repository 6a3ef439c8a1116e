package com.example.fulfillment.order;

/** Why an order was rejected (process variable {@code rejectionReason}). */
public enum RejectionReason {
  INVALID_ORDER,
  HIGH_RISK,
  OUT_OF_STOCK,
  PAYMENT_DECLINED,
  PAYMENT_TIMEOUT
}
