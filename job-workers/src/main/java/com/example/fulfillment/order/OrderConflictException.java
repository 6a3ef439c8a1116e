package com.example.fulfillment.order;

/** An order with this id exists already, with different content: the id was reused. */
public class OrderConflictException extends RuntimeException {
  private final String orderId;

  public OrderConflictException(final String orderId) {
    super("order " + orderId + " exists already with different content");
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
