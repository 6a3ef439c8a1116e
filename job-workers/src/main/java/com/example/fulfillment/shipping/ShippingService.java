package com.example.fulfillment.shipping;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.ClosingHook;
import com.example.fulfillment.order.CompletionHook;
import com.example.fulfillment.order.OrderEndedException;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEvents;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderStatus;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipments: create, assign a carrier or a drone, schedule, deliver, cancel (compensation),
 * escalate a late delivery, insure. One shipment per order; every step keeps its first answer. The
 * {@link Carrier} is a remote system: it is called outside our transactions and is idempotent per
 * order, so a repeated step books and cancels nothing twice.
 */
public record ShippingService(
    ShipmentRepository shipments,
    Carrier carrier,
    OrderProgress orders,
    Transactions tx,
    Clock clock,
    OrderEvents events)
    implements CompletionHook, ClosingHook {

  private static final Logger LOG = LoggerFactory.getLogger(ShippingService.class);
  private static final BigDecimal PREMIUM_RATE = new BigDecimal("0.015");
  private static final BigDecimal MINIMUM_PREMIUM = new BigDecimal("2.00");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Creates the order's shipment, or returns the one created before. */
  public Shipment create(final String orderId) {
    return Once.perform(
        tx,
        () -> shipments.findByOrder(orderId),
        () -> {
          final OrderStatus status = orders.lockForEffect(orderId);
          if (status.isTerminal()) {
            throw new OrderEndedException(orderId, status);
          }
          final Shipment shipment =
              new Shipment(
                  "shp_" + UUID.randomUUID(),
                  orderId,
                  trackingNumber(),
                  ShipmentStatus.CREATED,
                  null,
                  null,
                  null,
                  null,
                  null);
          shipments.insert(shipment, clock.instant());
          LOG.info("Shipment {} created for order {}", shipment.shipmentId(), orderId);
          return shipment;
        });
  }

  /** Books the carrier for {@code method}; the first assignment wins. */
  public String assignCarrier(
      final String orderId, final String shipmentId, final ShippingMethod method) {
    return assign(orderId, shipmentId, method);
  }

  /** Books a delivery drone; the first assignment wins. */
  public String assignDrone(final String orderId, final String shipmentId) {
    return assign(orderId, shipmentId, ShippingMethod.DRONE);
  }

  /**
   * Schedules the delivery with the assigned carrier; the order is SHIPPED. The first time, in the
   * same transaction, the {@link OrderEvent.Shipped} event is recorded: the carrier has the parcel
   * (not earlier, at {@link #create}, when it is only a shipment record that compensation may still
   * cancel before anything left the warehouse).
   *
   * @return the estimated delivery (the first estimate is kept)
   */
  public Instant schedule(final String orderId, final String shipmentId) {
    return tx.inTransaction(
        () -> {
          final Shipment shipment = ofOrder(orderId, shipmentId);
          if (shipment.estimatedDelivery() == null) {
            if (shipment.method() == null) {
              throw new IllegalStateException("shipment " + shipmentId + " has no carrier yet");
            }
            final Instant now = clock.instant();
            shipments.schedule(shipmentId, now.plus(transitTime(shipment.method())), now);
          }
          final Shipment scheduled = shipments.find(shipmentId).orElseThrow();
          if (orders.advance(orderId, OrderStatus.SHIPPED)) {
            events.record(
                new OrderEvent.Shipped(
                    orderId,
                    shipmentId,
                    scheduled.trackingNumber(),
                    scheduled.method().name(),
                    scheduled.carrier(),
                    scheduled.estimatedDelivery(),
                    clock.instant()));
          }
          return scheduled.estimatedDelivery();
        });
  }

  /** Records the delivery (the first delivery time is kept); the order is DELIVERED. */
  public void markDelivered(final String orderId, final Instant deliveredAt) {
    tx.run(
        () -> {
          if (shipments.markDelivered(orderId, deliveredAt, clock.instant())) {
            LOG.info("Shipment of order {} delivered at {}", orderId, deliveredAt);
          }
          orders.advance(orderId, OrderStatus.DELIVERED);
        });
  }

  /**
   * Compensation: cancels the order's shipment. No shipment, or one cancelled before, is success; a
   * delivered shipment cannot be cancelled and stays delivered.
   *
   * @return true if the order has a cancelled shipment now
   */
  public boolean cancel(final String orderId) {
    final Optional<Shipment> booked =
        tx.inTransaction(() -> shipments.findByOrder(orderId))
            .filter(s -> s.carrier() != null && s.status() != ShipmentStatus.DELIVERED);
    // The carrier first (idempotent): a shipment is cancelled in our books only once it is.
    booked.ifPresent(s -> carrier.cancel(orderId, s.shipmentId()));
    return tx.inTransaction(
        () -> {
          final Optional<Shipment> shipment = shipments.findByOrder(orderId);
          if (shipment.isEmpty()) {
            LOG.info("Nothing to cancel for order {}: no shipment", orderId);
            return false;
          }
          if (shipments.cancel(orderId, clock.instant())) {
            LOG.info("Shipment {} of order {} cancelled", shipment.get().shipmentId(), orderId);
            return true;
          }
          final ShipmentStatus status = shipments.findByOrder(orderId).orElseThrow().status();
          if (status == ShipmentStatus.DELIVERED) {
            LOG.warn("Shipment of order {} was delivered already: it cannot be cancelled", orderId);
          }
          return status == ShipmentStatus.CANCELLED;
        });
  }

  /**
   * Records that the delivery missed its SLA (once per shipment).
   *
   * @return when it was escalated first
   */
  public Instant escalateLateDelivery(final String orderId, final String shipmentId) {
    return Once.perform(
        tx,
        () -> shipments.findEscalation(orderId, shipmentId),
        () -> {
          ofOrder(orderId, shipmentId);
          final Instant now = clock.instant();
          shipments.insertEscalation(orderId, shipmentId, now);
          LOG.warn("Delivery of order {} (shipment {}) is late: escalated", orderId, shipmentId);
          return now;
        });
  }

  /** Insures the shipment for {@code total} (premium 1.5 %, at least 2.00); once per order. */
  public InsurancePolicy insure(
      final String orderId, final BigDecimal total, final String currency) {
    return Once.perform(
        tx,
        () -> shipments.findInsurance(orderId),
        () -> {
          final BigDecimal premium =
              Money.amount(total.multiply(PREMIUM_RATE)).max(MINIMUM_PREMIUM);
          final InsurancePolicy policy =
              new InsurancePolicy(
                  orderId,
                  "POL-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(),
                  Money.amount(total),
                  premium,
                  currency);
          shipments.insertInsurance(policy, clock.instant());
          return policy;
        });
  }

  /** At completion, the shipment counts as delivered (if nobody reported the delivery before). */
  @Override
  public void onCompleting(final String orderId, final Instant now) {
    shipments.markDelivered(orderId, now, now);
  }

  private String assign(
      final String orderId, final String shipmentId, final ShippingMethod method) {
    final Shipment current = tx.inTransaction(() -> ofOrder(orderId, shipmentId));
    if (current.carrier() != null) {
      return current.carrier();
    }
    final String booked = carrier.book(orderId, shipmentId, method);
    return tx.inTransaction(
        () -> {
          ofOrder(orderId, shipmentId);
          if (shipments.assign(shipmentId, method, booked, clock.instant())) {
            LOG.info("Shipment {} goes by {} with {}", shipmentId, method, booked);
          }
          final Shipment shipment = shipments.find(shipmentId).orElseThrow();
          if (shipment.carrier() == null) {
            throw new IllegalStateException(
                "shipment "
                    + shipmentId
                    + " is "
                    + shipment.status()
                    + ": cannot assign a carrier");
          }
          return shipment.carrier();
        });
  }

  private Shipment ofOrder(final String orderId, final String shipmentId) {
    return shipments
        .find(shipmentId)
        .filter(s -> s.orderId().equals(orderId))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "order " + orderId + " has no shipment " + shipmentId));
  }

  static Duration transitTime(final ShippingMethod method) {
    return switch (method) {
      case DRONE -> Duration.ofHours(4);
      case EXPRESS -> Duration.ofDays(1);
      case STANDARD -> Duration.ofDays(3);
      case FREIGHT -> Duration.ofDays(5);
    };
  }

  private static String trackingNumber() {
    final String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    final StringBuilder b = new StringBuilder("TRK");
    for (int i = 0; i < 12; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** An order that ends unfulfilled ships nothing: its shipment, if any, is cancelled. */
  @Override
  public void undoLeftovers(final String orderId) {
    cancel(orderId);
  }
}
