package com.example.fulfillment.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.Reservation;
import com.example.fulfillment.inventory.ReservationStatus;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderLine;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.payment.Payment;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.support.Fixture;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The books the fault suite checks after a batch of orders has ended: stock and money must add up
 * exactly, whatever was redelivered, crashed or raced.
 */
final class Ledger {

  private final OrderService orders;
  private final InventoryService inventory;
  private final PaymentService payments;
  private final Map<String, StockLevel> before;

  Ledger(
      final OrderService orders, final InventoryService inventory, final PaymentService payments) {
    this.orders = orders;
    this.inventory = inventory;
    this.payments = payments;
    this.before = stock();
  }

  private Map<String, StockLevel> stock() {
    return inventory.stockLevels().stream().collect(Collectors.toMap(StockLevel::sku, s -> s));
  }

  /**
   * Every order ended exactly once; a completed order was charged its total once and shipped its
   * lines; any other order keeps no money and no stock; one reservation record per line; and per
   * SKU the stock moved by exactly the completed orders' quantities.
   */
  void assertBalanced(final Collection<String> orderIds) {
    final Map<String, Integer> shippedBySku = new HashMap<>();
    for (String orderId : orderIds) {
      final Order order = orders.find(orderId).orElseThrow();
      assertThat(order.status().isTerminal()).as("%s ended", orderId).isTrue();
      assertThat(order.outcome()).as("%s has one outcome", orderId).isNotNull();
      assertThat(order.finishedAt()).isNotNull();
      final Optional<Payment> payment = payments.find(orderId);
      final List<Reservation> reservations = inventory.reservations(orderId);
      assertThat(reservations.size())
          .as("%s: at most one reservation per line", orderId)
          .isLessThanOrEqualTo(order.lines().size());
      assertThat(reservations.stream().map(Reservation::lineNo).distinct().count())
          .isEqualTo(reservations.size());
      if (order.status() == OrderStatus.COMPLETED) {
        final Payment p = payment.orElseThrow();
        assertThat(p.status()).as("%s charged", orderId).isEqualTo(PaymentStatus.CHARGED);
        assertThat(p.capturedAmount())
            .as("%s charged its total once", orderId)
            .isEqualByComparingTo(order.total());
        assertThat(p.refundedAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(reservations)
            .as("%s shipped every line", orderId)
            .hasSize(order.lines().size())
            .allMatch(r -> r.status() == ReservationStatus.SHIPPED);
        for (OrderLine line : order.lines()) {
          shippedBySku.merge(line.sku(), line.quantity(), Integer::sum);
        }
      } else {
        payment.ifPresent(
            p ->
                assertThat(p.refundedAmount())
                    .as("%s (%s) keeps no money", orderId, order.status())
                    .isEqualByComparingTo(p.capturedAmount()));
        assertThat(reservations)
            .as("%s (%s) holds no stock", orderId, order.status())
            .noneMatch(
                r ->
                    r.status() == ReservationStatus.RESERVED
                        || r.status() == ReservationStatus.SHIPPED);
      }
    }
    final Map<String, StockLevel> after = stock();
    for (StockLevel now : after.values()) {
      final StockLevel then = before.get(now.sku());
      final int shipped = shippedBySku.getOrDefault(now.sku(), 0);
      assertThat(Fixture.conserved(now)).as("%s conserved", now.sku()).isTrue();
      assertThat(now.shipped() - then.shipped()).as("%s shipped", now.sku()).isEqualTo(shipped);
      assertThat(now.reserved() - then.reserved()).as("%s reserved", now.sku()).isZero();
      assertThat(now.available() - then.available())
          .as("%s available", now.sku())
          .isEqualTo(-shipped);
    }
  }
}
