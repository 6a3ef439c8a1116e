package com.example.fulfillment.order;

import com.example.fulfillment.common.Transactions;
import java.time.Clock;

/**
 * What the other capabilities (inventory, payment, shipping, …) need of an order: read it, and move
 * its status forward. Calls inside their transaction join it.
 */
public record OrderProgress(OrderRepository orders, Transactions tx, Clock clock) {

  /**
   * @throws UnknownOrderException if there is no such order
   */
  public Order get(final String orderId) {
    return tx.inTransaction(
        () -> orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId)));
  }

  /**
   * For a step about to record a side effect (a reservation, a payment, a shipment): the order's
   * status, with the order locked until the caller's transaction ends. An order that has ended
   * (cancelled or rejected while the step was running) must not gain new effects: see {@link
   * OrderEndedException}. Call it inside the transaction that records the effect.
   *
   * @throws UnknownOrderException if there is no such order
   */
  public OrderStatus lockForEffect(final String orderId) {
    return tx.inTransaction(
        () -> orders.lockStatus(orderId).orElseThrow(() -> new UnknownOrderException(orderId)));
  }

  /**
   * Moves the order forward to {@code status}; does nothing if it is there or further already, or
   * has ended.
   *
   * @return true if the order moved now (the one time a step may record an event about it)
   */
  public boolean advance(final String orderId, final OrderStatus status) {
    if (status.isTerminal()) {
      throw new IllegalArgumentException("terminal statuses are set by OrderService: " + status);
    }
    return tx.inTransaction(() -> orders.advance(orderId, status, clock.instant()));
  }
}
