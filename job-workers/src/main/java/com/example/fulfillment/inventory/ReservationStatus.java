package com.example.fulfillment.inventory;

/** Life of a line reservation. Only RESERVED holds stock. */
public enum ReservationStatus {
  /** Stock taken from available, held for the order. */
  RESERVED,
  /** Not enough stock when asked: recorded, so asking again answers the same. */
  REFUSED,
  /** Compensated: the stock went back to available. */
  RELEASED,
  /** The order completed: the stock left the warehouse. */
  SHIPPED
}
