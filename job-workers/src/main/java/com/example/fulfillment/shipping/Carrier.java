package com.example.fulfillment.shipping;

/**
 * Port: the carriers a shipment is booked with. Every operation is idempotent at the carrier, keyed
 * by (order id, operation) like an idempotency key: asking again returns the first answer and books
 * nothing twice. Technical trouble is a {@link
 * com.example.fulfillment.common.ProviderUnavailableException}.
 */
public interface Carrier {

  /**
   * Books the shipment with the carrier serving {@code method}.
   *
   * @return the carrier's name
   */
  String book(String orderId, String shipmentId, ShippingMethod method);

  /** Cancels the order's booking; no booking, or one cancelled before, is success. */
  void cancel(String orderId, String shipmentId);
}
