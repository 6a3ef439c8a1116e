package com.example.fulfillment.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for products, stock and reservations. Stock moves are conditional updates. */
public interface InventoryRepository {

  Optional<Product> findProduct(String sku);

  List<Product> products();

  Optional<StockLevel> stock(String sku);

  List<StockLevel> stockLevels();

  Optional<Reservation> findReservation(String orderId, int lineNo);

  List<Reservation> reservations(String orderId);

  /**
   * Records a reservation (the idempotency key is orderId + lineNo).
   *
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the line has one already
   */
  void insertReservation(Reservation reservation, Instant now);

  /** Marks a just-recorded RESERVED reservation REFUSED, with what was available. */
  void refuse(String orderId, int lineNo, int available, Instant now);

  /** available → reserved, only if enough is available; false otherwise. */
  boolean take(String sku, int quantity);

  /** reserved → available. */
  void putBack(String sku, int quantity);

  /** reserved → shipped. */
  void ship(String sku, int quantity);

  /** Moves a reservation from one status to another; false if it was not in {@code from}. */
  boolean changeStatus(
      String orderId, int lineNo, ReservationStatus from, ReservationStatus to, Instant now);

  /** True when every line of the order has a RESERVED reservation. */
  boolean allLinesReserved(String orderId);
}
