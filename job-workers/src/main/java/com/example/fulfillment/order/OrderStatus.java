package com.example.fulfillment.order;

/**
 * Where an order stands, as the API reports it. The non-terminal statuses are ordered: an order
 * only moves forward ({@link #isAfter}), so a repeated or late job never moves it back.
 *
 * <pre>
 * RECEIVED → VALIDATED → STOCK_RESERVED → [AWAITING_PAYMENT_CONFIRMATION] → PAID → PACKED
 *          → SHIPPED → DELIVERED → COMPLETED
 * any non-terminal status → REJECTED | CANCELLED
 * </pre>
 */
public enum OrderStatus {
  RECEIVED,
  VALIDATED,
  STOCK_RESERVED,
  AWAITING_PAYMENT_CONFIRMATION,
  PAID,
  PACKED,
  SHIPPED,
  DELIVERED,
  COMPLETED,
  REJECTED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == REJECTED || this == CANCELLED;
  }

  /** True if this non-terminal status comes after {@code other} in the forward order. */
  public boolean isAfter(final OrderStatus other) {
    return ordinal() > other.ordinal();
  }
}
