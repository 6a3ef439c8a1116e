package com.example.fulfillment.inventory;

import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.ClosingHook;
import com.example.fulfillment.order.CompletionHook;
import com.example.fulfillment.order.OrderEndedException;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock per SKU and the reservations held for order lines: reserve (forward step), release
 * (compensation), ship at completion. Each is keyed by (order id, line no) and idempotent; the
 * stock move and its reservation record change in one transaction.
 */
public record InventoryService(
    InventoryRepository inventory, OrderProgress orders, Transactions tx, Clock clock)
    implements CompletionHook, ClosingHook {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

  /**
   * Reserves one order line. The first answer for (order, line) is recorded and returned again on
   * every repetition: a line reserved once stays reserved once, a refused line stays refused.
   *
   * @throws IllegalArgumentException if the SKU is not in the catalog (a contract violation: the
   *     order was priced from the catalog)
   */
  public ReservationResult reserve(final ReserveLine line) {
    return Once.perform(
        tx,
        () -> inventory.findReservation(line.orderId(), line.lineNo()).map(Reservation::result),
        () -> reserveNow(line));
  }

  private ReservationResult reserveNow(final ReserveLine line) {
    final OrderStatus status = orders.lockForEffect(line.orderId());
    if (status.isTerminal()) {
      throw new OrderEndedException(line.orderId(), status);
    }
    final Instant now = clock.instant();
    if (inventory.findProduct(line.sku()).isEmpty()) {
      throw new IllegalArgumentException("SKU " + line.sku() + " is not in the catalog");
    }
    // The record first: a concurrent duplicate blocks on its key and then rolls back.
    inventory.insertReservation(
        new Reservation(
            line.orderId(),
            line.lineNo(),
            line.sku(),
            line.quantity(),
            ReservationStatus.RESERVED,
            null),
        now);
    if (inventory.take(line.sku(), line.quantity())) {
      if (inventory.allLinesReserved(line.orderId())) {
        orders.advance(line.orderId(), OrderStatus.STOCK_RESERVED);
      }
      LOG.info(
          "Reserved {} x {} for order {} line {}",
          line.quantity(),
          line.sku(),
          line.orderId(),
          line.lineNo());
      return new ReservationResult.Reserved(line.lineNo(), line.sku(), line.quantity());
    }
    final int available = inventory.stock(line.sku()).map(StockLevel::available).orElse(0);
    inventory.refuse(line.orderId(), line.lineNo(), available, now);
    LOG.info(
        "Cannot reserve {} x {} for order {} line {}: {} available",
        line.quantity(),
        line.sku(),
        line.orderId(),
        line.lineNo(),
        available);
    return new ReservationResult.Refused(line.lineNo(), line.sku(), line.quantity(), available);
  }

  /**
   * Compensation: puts the stock of the order's RESERVED lines back ({@code lineNo} null = every
   * line). Nothing reserved (never reserved, refused, released before) is success.
   *
   * @return the lines released by this call (0 when there was nothing to undo)
   */
  public int release(final String orderId, final Integer lineNo) {
    return tx.inTransaction(
        () -> {
          final Instant now = clock.instant();
          int released = 0;
          for (Reservation r : scope(orderId, lineNo)) {
            if (r.status() == ReservationStatus.RESERVED
                && inventory.changeStatus(
                    orderId,
                    r.lineNo(),
                    ReservationStatus.RESERVED,
                    ReservationStatus.RELEASED,
                    now)) {
              inventory.putBack(r.sku(), r.quantity());
              released++;
              LOG.info(
                  "Released {} x {} of order {} line {}",
                  r.quantity(),
                  r.sku(),
                  orderId,
                  r.lineNo());
            }
          }
          if (released == 0) {
            LOG.info(
                "Nothing to release for order {}{}",
                orderId,
                lineNo == null ? "" : " line " + lineNo);
          }
          return released;
        });
  }

  /** At completion: the order's reserved stock leaves the warehouse (reserved → shipped). */
  public int commit(final String orderId) {
    return tx.inTransaction(
        () -> {
          final Instant now = clock.instant();
          int shipped = 0;
          for (Reservation r : inventory.reservations(orderId)) {
            if (r.status() == ReservationStatus.RESERVED
                && inventory.changeStatus(
                    orderId,
                    r.lineNo(),
                    ReservationStatus.RESERVED,
                    ReservationStatus.SHIPPED,
                    now)) {
              inventory.ship(r.sku(), r.quantity());
              shipped++;
            }
          }
          return shipped;
        });
  }

  @Override
  public void onCompleting(final String orderId, final Instant now) {
    commit(orderId);
  }

  public Optional<StockLevel> stock(final String sku) {
    return tx.inTransaction(() -> inventory.stock(sku));
  }

  public List<StockLevel> stockLevels() {
    return tx.inTransaction(inventory::stockLevels);
  }

  public List<Reservation> reservations(final String orderId) {
    return tx.inTransaction(() -> inventory.reservations(orderId));
  }

  private List<Reservation> scope(final String orderId, final Integer lineNo) {
    return lineNo == null
        ? inventory.reservations(orderId)
        : inventory.findReservation(orderId, lineNo).stream().toList();
  }

  /** An order that ends unfulfilled holds no stock: every reserved line is released. */
  @Override
  public void undoLeftovers(final String orderId) {
    release(orderId, null);
  }
}
