package com.example.fulfillment.app.events.inbound;

/** A valid event names an order that does not exist (422). */
public class EventForUnknownOrderException extends RuntimeException {

  private final String orderId;

  public EventForUnknownOrderException(final String orderId) {
    super("no order with id " + orderId);
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
