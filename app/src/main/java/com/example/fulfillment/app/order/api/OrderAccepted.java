package com.example.fulfillment.app.order.api;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderStatus;

/** Answer to {@code POST /api/orders} (202). */
public record OrderAccepted(String orderId, OrderStatus status, Long processInstanceKey) {

  static OrderAccepted of(final Order order) {
    return new OrderAccepted(order.orderId(), order.status(), order.processInstanceKey());
  }
}
