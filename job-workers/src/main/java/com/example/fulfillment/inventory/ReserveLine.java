package com.example.fulfillment.inventory;

import java.util.Objects;

/** Command: reserve the stock of one order line. */
public record ReserveLine(String orderId, int lineNo, String sku, int quantity) {
  public ReserveLine {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(sku, "sku");
    if (lineNo < 1) {
      throw new IllegalArgumentException("lineNo starts at 1, was " + lineNo);
    }
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
  }
}
