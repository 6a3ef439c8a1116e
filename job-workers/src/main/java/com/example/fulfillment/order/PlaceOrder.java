package com.example.fulfillment.order;

import java.util.List;
import java.util.Objects;

/**
 * Command: place an order. Placing the same order id again is safe: it returns the order recorded
 * the first time (see {@link OrderService#place}). Prices are not part of the command: they come
 * from the catalog.
 *
 * @param orderId the caller's idempotency key, also the process correlation key
 * @param paymentToken a token of the payment provider (sandbox: {@code tok_ok}, …); never logged
 * @param correlationId the request id that started it, for logs (may be null)
 */
public record PlaceOrder(
    String orderId,
    String customerId,
    List<Line> lines,
    String paymentToken,
    ShippingAddress shippingAddress,
    boolean express,
    boolean giftWrap,
    boolean insurance,
    String correlationId) {

  /** One requested line: a catalog SKU and how many of it. */
  public record Line(String sku, int quantity) {
    public Line {
      sku = Require.text(sku, "sku", 32);
      if (quantity <= 0) {
        throw new IllegalArgumentException("quantity must be positive, was " + quantity);
      }
    }
  }

  public PlaceOrder {
    orderId = Require.text(orderId, "orderId", 64);
    customerId = Require.text(customerId, "customerId", 64);
    paymentToken = Require.text(paymentToken, "paymentToken", 64);
    Objects.requireNonNull(shippingAddress, "shippingAddress");
    Objects.requireNonNull(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    lines = List.copyOf(lines);
  }

  /** The same order under another id (the one an earlier request with the same key got). */
  public PlaceOrder withOrderId(final String id) {
    return id.equals(orderId)
        ? this
        : new PlaceOrder(
            id,
            customerId,
            lines,
            paymentToken,
            shippingAddress,
            express,
            giftWrap,
            insurance,
            correlationId);
  }

  @Override
  public String toString() {
    return "PlaceOrder[orderId="
        + orderId
        + ", customerId="
        + customerId
        + ", lines="
        + lines
        + ", paymentToken=***, shippingAddress="
        + shippingAddress
        + ", express="
        + express
        + ", giftWrap="
        + giftWrap
        + ", insurance="
        + insurance
        + ", correlationId="
        + correlationId
        + "]";
  }
}
