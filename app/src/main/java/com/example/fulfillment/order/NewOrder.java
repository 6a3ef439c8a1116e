package com.example.fulfillment.order;

import java.util.List;

/**
 * An order request as the intake takes it (already checked for shape by the API).
 *
 * @param clientId who asks (the authenticated principal): idempotency keys are per client
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param requestHash SHA-256 of the canonical request: what "the same request" means
 * @param orderId the client's own order id, or null for one made by the app
 */
public record NewOrder(
    String clientId,
    String idempotencyKey,
    String requestHash,
    String orderId,
    String customerId,
    List<PlaceOrder.Line> lines,
    String paymentToken,
    ShippingAddress shippingAddress,
    boolean express,
    boolean giftWrap,
    boolean insurance,
    String correlationId) {

  public NewOrder {
    lines = List.copyOf(lines);
  }
}
