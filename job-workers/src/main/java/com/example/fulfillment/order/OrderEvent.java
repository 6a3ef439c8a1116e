package com.example.fulfillment.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A fact about an order that systems outside the engine react to (published as a CloudEvent of type
 * {@link #type()}). The domain records it through {@link OrderEvents} in the same transaction as
 * the state change it reports, so it exists if and only if the change committed.
 *
 * <p>One event per order and type: each is recorded where a conditional update first applies
 * (insert, status advance, payment capture, order end), so a repeated job records nothing new.
 */
public sealed interface OrderEvent {

  String orderId();

  /** When the change happened (the CloudEvent's {@code time}). */
  Instant occurredAt();

  /** The CloudEvents type, see {@link OrderEventTypes}. */
  default String type() {
    return switch (this) {
      case Accepted a -> OrderEventTypes.ACCEPTED;
      case Paid p -> OrderEventTypes.PAID;
      case Shipped s -> OrderEventTypes.SHIPPED;
      case Completed c -> OrderEventTypes.COMPLETED;
      case Rejected r -> OrderEventTypes.REJECTED;
      case Cancelled c -> OrderEventTypes.CANCELLED;
    };
  }

  /** A line as ordered, priced at placement: SKU, quantity, unit price and line total. */
  record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

    static List<Line> of(final Order order) {
      return order.lines().stream()
          .map(l -> new Line(l.sku(), l.quantity(), l.unitPrice(), l.lineTotal()))
          .toList();
    }
  }

  /** The order is recorded (status RECEIVED) and its process is being started. */
  record Accepted(
      String orderId,
      String customerId,
      BigDecimal total,
      String currency,
      List<Line> lines,
      boolean express,
      boolean giftWrap,
      boolean insurance,
      String shippingCountry,
      Instant occurredAt)
      implements OrderEvent {

    public Accepted {
      lines = List.copyOf(lines);
    }

    static Accepted of(final Order order) {
      return new Accepted(
          order.orderId(),
          order.customerId(),
          order.total(),
          order.currency(),
          Line.of(order),
          order.express(),
          order.giftWrap(),
          order.insurance(),
          order.shippingAddress().country(),
          order.createdAt());
    }
  }

  /**
   * The money is taken: charged at once, or captured after the customer confirmed ({@code
   * afterConfirmation}).
   */
  record Paid(
      String orderId,
      BigDecimal amount,
      String currency,
      String chargeId,
      boolean afterConfirmation,
      Instant occurredAt)
      implements OrderEvent {}

  /** The carrier has the parcel: delivery scheduled (status SHIPPED). */
  record Shipped(
      String orderId,
      String shipmentId,
      String trackingNumber,
      String shippingMethod,
      String carrier,
      Instant estimatedDelivery,
      Instant occurredAt)
      implements OrderEvent {}

  /**
   * Delivered and completed: the stock is shipped for good.
   *
   * @param total what the customer paid, tax included (the gross)
   * @param tax the tax included in {@code total} ({@link SalesTax})
   */
  record Completed(
      String orderId,
      String customerId,
      BigDecimal total,
      BigDecimal tax,
      String currency,
      List<Line> lines,
      Instant occurredAt)
      implements OrderEvent {

    public Completed {
      lines = List.copyOf(lines);
    }

    /** The order's completion at {@code now}, its tax from the shipping country's rate. */
    static Completed of(final Order order, final SalesTax salesTax, final Instant now) {
      return new Completed(
          order.orderId(),
          order.customerId(),
          order.total(),
          salesTax.includedIn(order.total(), order.shippingAddress().country()),
          order.currency(),
          Line.of(order),
          now);
    }
  }

  /** A business refusal ended the order; what was done has been compensated. */
  record Rejected(
      String orderId, String customerId, RejectionReason reason, String detail, Instant occurredAt)
      implements OrderEvent {}

  /** The customer cancelled; {@code previousStatus} is how far the order had come. */
  record Cancelled(
      String orderId, String customerId, OrderStatus previousStatus, Instant occurredAt)
      implements OrderEvent {}
}
