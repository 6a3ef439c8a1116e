package com.example.fulfillment.app.order;

import com.example.fulfillment.order.PlaceOrder;

/**
 * An order request as the intake takes it (already checked for shape by the API): the order, and
 * what the API adds to it.
 *
 * @param clientId who asks (the authenticated principal): idempotency keys are per client
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param requestHash SHA-256 of the canonical request: what "the same request" means
 * @param order the order, with the client's own id or one from {@link OrderIntake#orderIdFor}
 */
public record NewOrder(
    String clientId, String idempotencyKey, String requestHash, PlaceOrder order) {}
