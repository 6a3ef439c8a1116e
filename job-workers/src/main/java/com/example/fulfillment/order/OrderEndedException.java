package com.example.fulfillment.order;

/**
 * A step tried to add an effect (reserve, charge, ship) to an order that has already ended, e.g.
 * because a cancellation interrupted the step while it ran. The engine has cancelled that step's
 * job by then, so the failure goes nowhere; nothing must be left behind.
 */
public class OrderEndedException extends RuntimeException {
  public OrderEndedException(final String orderId, final OrderStatus status) {
    super("order " + orderId + " has ended (" + status + "): no new effects");
  }
}
