package com.example.fulfillment.app.order.api;

import com.example.fulfillment.order.OrderPage;
import com.example.fulfillment.order.OrderStatus;
import java.time.Instant;
import java.util.List;

/** A page of orders, newest first ({@code GET /api/orders}). */
public record OrderList(List<Item> items, int page, int size, long totalItems, long totalPages) {

  public record Item(
      String orderId,
      String customerId,
      OrderStatus status,
      Money total,
      Long processInstanceKey,
      Instant createdAt,
      Instant updatedAt) {}

  static OrderList of(final OrderPage page) {
    return new OrderList(
        page.items().stream()
            .map(
                s ->
                    new Item(
                        s.orderId(),
                        s.customerId(),
                        s.status(),
                        Money.of(s.total(), s.currency()),
                        s.processInstanceKey(),
                        s.createdAt(),
                        s.updatedAt()))
            .toList(),
        page.page(),
        page.size(),
        page.totalItems(),
        page.totalPages());
  }
}
