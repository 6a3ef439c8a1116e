package com.example.fulfillment.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Storage port for recorded sales; one per order. */
public interface SalesRepository {

  Optional<Instant> findRecordedAt(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the sale is recorded
   */
  void insert(String orderId, String customerId, BigDecimal amount, String currency, Instant now);

  BigDecimal revenue();
}
