package com.example.fulfillment.order;

import java.time.Instant;

/**
 * Port: what other capabilities do, in the same transaction, when an order completes (the inventory
 * ships the reserved stock, shipping records the delivery). Must be idempotent.
 */
public interface CompletionHook {

  void onCompleting(String orderId, Instant now);
}
