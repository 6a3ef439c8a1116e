package com.example.fulfillment.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The order record the API reads. Immutable; a change is a new read.
 *
 * @param total sum of the line totals, in {@code currency}
 * @param paymentToken the payment provider's token; {@link #toString} hides it
 * @param previousOrders the customer's completed orders when this one was validated (null before)
 * @param payment null until the payment step ran
 * @param shipment null until a shipment was created
 */
public record Order(
    String orderId,
    String customerId,
    List<OrderLine> lines,
    BigDecimal total,
    String currency,
    BigDecimal totalWeightKg,
    String paymentToken,
    ShippingAddress shippingAddress,
    boolean express,
    boolean giftWrap,
    boolean insurance,
    OrderStatus status,
    Long processInstanceKey,
    Integer previousOrders,
    Outcome outcome,
    RejectionReason rejectionReason,
    String rejectionDetail,
    PaymentSummary payment,
    ShipmentSummary shipment,
    String correlationId,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  public Order {
    lines = List.copyOf(lines);
  }

  /** This order with {@code newLines} (for storage adapters that read lines separately). */
  public Order withLines(final List<OrderLine> newLines) {
    return new Order(
        orderId,
        customerId,
        newLines,
        total,
        currency,
        totalWeightKg,
        paymentToken,
        shippingAddress,
        express,
        giftWrap,
        insurance,
        status,
        processInstanceKey,
        previousOrders,
        outcome,
        rejectionReason,
        rejectionDetail,
        payment,
        shipment,
        correlationId,
        createdAt,
        updatedAt,
        finishedAt);
  }

  /** Same request as {@code command}: what an idempotent re-placement must match. */
  boolean matches(final PlaceOrder command) {
    return customerId.equals(command.customerId())
        && paymentToken.equals(command.paymentToken())
        && shippingAddress.equals(command.shippingAddress())
        && express == command.express()
        && giftWrap == command.giftWrap()
        && insurance == command.insurance()
        && lines.size() == command.lines().size()
        && java.util.stream.IntStream.range(0, lines.size())
            .allMatch(
                i ->
                    lines.get(i).sku().equals(command.lines().get(i).sku())
                        && lines.get(i).quantity() == command.lines().get(i).quantity());
  }

  @Override
  public String toString() {
    return "Order[orderId="
        + orderId
        + ", customerId="
        + customerId
        + ", status="
        + status
        + ", total="
        + total
        + " "
        + currency
        + ", lines="
        + lines.size()
        + ", processInstanceKey="
        + processInstanceKey
        + ", outcome="
        + outcome
        + "]";
  }
}
