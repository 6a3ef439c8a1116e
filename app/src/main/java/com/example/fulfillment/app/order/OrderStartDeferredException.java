package com.example.fulfillment.app.order;

/**
 * The order is recorded (status RECEIVED) but its process could not be started: the engine is
 * unreachable. Repeating the request (same Idempotency-Key or order id) starts it; so does the
 * app's own retry ({@code fulfillment.orders.start-retry-interval}).
 */
public class OrderStartDeferredException extends RuntimeException {

  private final String orderId;

  public OrderStartDeferredException(final String orderId, final Throwable cause) {
    super(
        "order " + orderId + " recorded, its process could not be started: " + cause.getMessage(),
        cause);
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
