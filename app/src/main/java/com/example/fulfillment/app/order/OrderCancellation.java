package com.example.fulfillment.app.order;

import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.inbound.MessageRelay;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.UnknownOrderException;
import com.example.fulfillment.process.ProcessConstants.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Asks an order's process to cancel: message {@value Messages#ORDER_CANCELLED} with message id
 * {@code cancel-<orderId>}, recorded like an inbound event, so asking again has no second effect.
 * The process then compensates what was done (cancel shipment, refund, release stock) and ends the
 * order CANCELLED. Refused once the order is delivered or has ended.
 */
@Service
public record OrderCancellation(
    OrderService orders,
    MessageRelay relay,
    Timeline timeline,
    OrderProperties properties,
    Clock clock) {

  /** Statuses in which cancelling is refused (409). */
  public static final Set<OrderStatus> FINAL =
      Set.of(
          OrderStatus.DELIVERED,
          OrderStatus.COMPLETED,
          OrderStatus.REJECTED,
          OrderStatus.CANCELLED);

  /** The message id of an order's cancellation: one per order. */
  public static String messageId(final String orderId) {
    return "cancel-" + orderId;
  }

  /**
   * @return the order as it is now (the cancellation itself happens in the process)
   * @throws UnknownOrderException if there is no such order
   * @throws OrderNotCancellableException if it is delivered or has ended
   * @throws com.example.fulfillment.app.engine.EngineUnavailableException if the engine cannot take
   *     the request now (asking again publishes it)
   */
  public Order request(final String orderId) {
    final Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    if (FINAL.contains(order.status())) {
      throw new OrderNotCancellableException(orderId, order.status());
    }
    final Instant now = clock.instant();
    final MessageRelay.Outcome outcome =
        relay.relay(
            new InboundMessages.Stored(
                messageId(orderId),
                orderId,
                Messages.ORDER_CANCELLED,
                "api",
                "cancellation",
                Map.of(),
                now,
                null),
            properties.cancelMessageTtl());
    if (outcome == MessageRelay.Outcome.PUBLISHED) {
      timeline.append(
          TimelineEntry.about(
              orderId,
              "api:cancel:" + orderId,
              now,
              TimelineEntry.Source.API,
              TimelineEntry.Kind.CANCELLATION_REQUESTED,
              Messages.ORDER_CANCELLED,
              "cancellation requested while " + order.status()));
    }
    return orders.find(orderId).orElse(order);
  }
}
