package com.example.fulfillment.loyalty;

import java.time.Instant;
import java.util.Optional;

/** Storage port for loyalty awards; one per order. */
public interface LoyaltyRepository {

  Optional<Integer> findPoints(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order earned points
   */
  void insert(String orderId, String customerId, int points, Instant now);

  int balance(String customerId);
}
