package com.example.fulfillment.app.order;

import com.example.fulfillment.app.timeline.BpmnElements;
import com.example.fulfillment.app.timeline.ProcessState;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderPage;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.UnknownOrderException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Read side of the API: an order with where its process stands, its timeline, pages of orders.
 * Everything comes from data the app owns (the order books and the timeline table).
 */
@Service
public record OrderView(OrderService orders, Timeline timeline, BpmnElements elements) {

  /** An order and the state of its process. */
  public record Details(Order order, ProcessState process) {}

  /**
   * @throws UnknownOrderException if there is no such order
   */
  public Details details(final String orderId) {
    final Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    return new Details(order, ProcessState.of(timeline.of(orderId), elements));
  }

  /**
   * @throws UnknownOrderException if there is no such order
   */
  public List<TimelineEntry> timeline(final String orderId) {
    if (orders.find(orderId).isEmpty()) {
      throw new UnknownOrderException(orderId);
    }
    return timeline.of(orderId);
  }

  public OrderPage list(final OrderStatus status, final int page, final int size) {
    return orders.list(status, page, size);
  }
}
