package com.example.fulfillment.app.order;

import com.example.fulfillment.order.OrderStatus;

/** The order is delivered or has ended: it cannot be cancelled any more (409). */
public class OrderNotCancellableException extends RuntimeException {

  private final OrderStatus status;

  public OrderNotCancellableException(final String orderId, final OrderStatus status) {
    super("order " + orderId + " is " + status + " and can no longer be cancelled");
    this.status = status;
  }

  public OrderStatus status() {
    return status;
  }
}
