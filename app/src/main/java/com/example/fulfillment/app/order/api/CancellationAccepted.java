package com.example.fulfillment.app.order.api;

import com.example.fulfillment.order.OrderStatus;

/** Answer to {@code POST /api/orders/{orderId}/cancellation} (202). */
public record CancellationAccepted(
    String orderId, OrderStatus status, boolean cancellationRequested) {}
