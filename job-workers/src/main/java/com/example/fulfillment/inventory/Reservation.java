package com.example.fulfillment.inventory;

/**
 * The reservation of one order line; key (orderId, lineNo).
 *
 * @param availableAtRefusal what was available when a REFUSED reservation was asked for
 */
public record Reservation(
    String orderId,
    int lineNo,
    String sku,
    int quantity,
    ReservationStatus status,
    Integer availableAtRefusal) {

  /** The answer to the reservation request that created this record (the first answer wins). */
  public ReservationResult result() {
    return status == ReservationStatus.REFUSED
        ? new ReservationResult.Refused(lineNo, sku, quantity, availableAtRefusal)
        : new ReservationResult.Reserved(lineNo, sku, quantity);
  }
}
