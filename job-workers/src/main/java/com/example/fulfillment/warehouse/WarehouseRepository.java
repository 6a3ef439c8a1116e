package com.example.fulfillment.warehouse;

import java.time.Instant;
import java.util.Optional;

/** Storage port for packages and gift wraps; one of each per order at most. */
public interface WarehouseRepository {

  Optional<String> findPackage(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order is packed
   */
  void insertPackage(String orderId, String packageId, Instant now);

  Optional<Instant> findGiftWrap(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order is wrapped
   */
  void insertGiftWrap(String orderId, Instant now);
}
