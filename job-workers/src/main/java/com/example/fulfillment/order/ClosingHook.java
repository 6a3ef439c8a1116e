package com.example.fulfillment.order;

/**
 * Port: what a capability undoes of an order that ends unfulfilled (cancelled or rejected) and
 * still holds something of it: a step that was running when a cancellation interrupted it (see
 * {@link OrderClosing}). Implemented by the capabilities (stock, payment, shipment), so the order
 * does not depend on them. Must be idempotent: after a normal compensation it changes nothing.
 */
public interface ClosingHook {

  void undoLeftovers(String orderId);
}
