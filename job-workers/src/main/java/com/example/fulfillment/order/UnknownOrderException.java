package com.example.fulfillment.order;

/** No order with this id exists. */
public class UnknownOrderException extends RuntimeException {
  public UnknownOrderException(final String orderId) {
    super("no order with id " + orderId);
  }
}
