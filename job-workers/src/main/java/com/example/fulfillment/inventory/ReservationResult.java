package com.example.fulfillment.inventory;

/** Answer to reserving one order line. */
public sealed interface ReservationResult {

  int lineNo();

  String sku();

  int quantity();

  record Reserved(int lineNo, String sku, int quantity) implements ReservationResult {}

  /** Not enough stock: a business outcome (BPMN error INSUFFICIENT_STOCK), not a failure. */
  record Refused(int lineNo, String sku, int quantity, int available)
      implements ReservationResult {}
}
