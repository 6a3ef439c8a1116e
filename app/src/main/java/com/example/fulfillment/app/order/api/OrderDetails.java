package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.timeline.ProcessState;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.RejectionReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as {@code GET /api/orders/{orderId}} shows it. */
public record OrderDetails(
    String orderId,
    String customerId,
    OrderStatus status,
    @Schema(nullable = true) Outcome outcome,
    @Schema(nullable = true) RejectionReason rejectionReason,
    @Schema(nullable = true) String rejectionDetail,
    @Schema(nullable = true, description = "null until the process instance linked itself")
        Long processInstanceKey,
    List<Line> lines,
    Money total,
    ShippingAddress shippingAddress,
    boolean express,
    boolean giftWrap,
    boolean insurance,
    @Schema(nullable = true) Payment payment,
    @Schema(nullable = true) Shipment shipment,
    Process process,
    Instant createdAt,
    Instant updatedAt,
    @Schema(nullable = true) Instant finishedAt) {

  public record Line(int lineNo, String sku, int quantity, Money unitPrice, Money lineTotal) {}

  public record ShippingAddress(
      String name, String street, String city, String postalCode, String country) {}

  /**
   * @param status CHARGED, PENDING_CONFIRMATION, DECLINED, VOIDED or REFUNDED
   */
  public record Payment(
      String status,
      @Schema(nullable = true) String chargeId,
      Money amount,
      Money charged,
      Money refunded,
      boolean isCharged,
      boolean isRefunded,
      @Schema(nullable = true) String declineReason) {}

  /**
   * @param status CREATED, ASSIGNED, SCHEDULED, DELIVERED or CANCELLED
   */
  public record Shipment(
      String shipmentId,
      String trackingNumber,
      String status,
      @Schema(nullable = true) String shippingMethod,
      @Schema(nullable = true) String carrier,
      @Schema(nullable = true) Instant estimatedDelivery,
      @Schema(nullable = true) Instant deliveredAt) {}

  /**
   * Where the process stands.
   *
   * @param basis ENGINE_RECORDS (embedded engine: exact), WORKER_EVENTS (remote: best effort, only
   *     what the job workers saw) or NONE (nothing recorded yet)
   */
  public record Process(
      String basis,
      List<ProcessState.Step> currentSteps,
      List<ProcessState.Incident> openIncidents) {}

  static OrderDetails of(final Order o, final ProcessState state) {
    final String cur = o.currency();
    return new OrderDetails(
        o.orderId(),
        o.customerId(),
        o.status(),
        o.outcome(),
        o.rejectionReason(),
        o.rejectionDetail(),
        o.processInstanceKey(),
        o.lines().stream()
            .map(
                l ->
                    new Line(
                        l.lineNo(),
                        l.sku(),
                        l.quantity(),
                        Money.of(l.unitPrice(), cur),
                        Money.of(l.lineTotal(), cur)))
            .toList(),
        Money.of(o.total(), cur),
        new ShippingAddress(
            o.shippingAddress().name(),
            o.shippingAddress().street(),
            o.shippingAddress().city(),
            o.shippingAddress().postalCode(),
            o.shippingAddress().country()),
        o.express(),
        o.giftWrap(),
        o.insurance(),
        o.payment() == null
            ? null
            : new Payment(
                o.payment().status(),
                o.payment().chargeId(),
                Money.of(o.payment().amount(), cur),
                Money.of(o.payment().chargedAmount(), cur),
                Money.of(o.payment().refundedAmount(), cur),
                positive(o.payment().chargedAmount()),
                positive(o.payment().refundedAmount()),
                o.payment().declineReason()),
        o.shipment() == null
            ? null
            : new Shipment(
                o.shipment().shipmentId(),
                o.shipment().trackingNumber(),
                o.shipment().status(),
                o.shipment().shippingMethod(),
                o.shipment().carrier(),
                o.shipment().estimatedDelivery(),
                o.shipment().deliveredAt()),
        new Process(state.basis(), state.currentSteps(), state.openIncidents()),
        o.createdAt(),
        o.updatedAt(),
        o.finishedAt());
  }

  private static boolean positive(final BigDecimal amount) {
    return amount != null && amount.signum() > 0;
  }
}
