package com.example.fulfillment.order;

/** How an order ended (process variable {@code outcome}). */
public enum Outcome {
  COMPLETED,
  REJECTED,
  CANCELLED;

  OrderStatus status() {
    return OrderStatus.valueOf(name());
  }
}
