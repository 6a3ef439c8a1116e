package com.example.fulfillment.order;

/**
 * Port: records an order's events for publishing (a transactional outbox). Call it inside the
 * transaction that makes the change, so the event is stored if and only if the change commits; a
 * relay publishes it afterwards, at least once, in the order the events were recorded per order.
 * Recording the same event again (same order, type) changes nothing.
 */
public interface OrderEvents {

  void record(OrderEvent event);

  /** Records nothing (for tests that do not look at events). */
  OrderEvents NONE = event -> {};
}
