package com.example.fulfillment.warehouse;

import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderStatus;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The warehouse: picks and packs an order (once), gift-wraps it (once). */
public record WarehouseService(
    WarehouseRepository warehouse, OrderProgress orders, Transactions tx, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseService.class);

  /** Picks and packs the order; the order is PACKED. @return the package id */
  public String pack(final String orderId) {
    return Once.perform(
        tx,
        () -> warehouse.findPackage(orderId),
        () -> {
          final String packageId =
              "PKG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
          warehouse.insertPackage(orderId, packageId, clock.instant());
          orders.advance(orderId, OrderStatus.PACKED);
          LOG.info("Order {} packed as {}", orderId, packageId);
          return packageId;
        });
  }

  /** Gift-wraps the order's package. @return true (it is wrapped) */
  public boolean giftWrap(final String orderId) {
    Once.perform(
        tx,
        () -> warehouse.findGiftWrap(orderId),
        () -> {
          final var now = clock.instant();
          warehouse.insertGiftWrap(orderId, now);
          LOG.info("Order {} gift-wrapped", orderId);
          return now;
        });
    return true;
  }
}
