package com.example.fulfillment.order;

import java.util.List;

/** One page of orders, newest first, and how many orders match in all. */
public record OrderPage(List<OrderSummary> items, int page, int size, long totalItems) {

  public OrderPage {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return size == 0 ? 0 : (totalItems + size - 1) / size;
  }
}
