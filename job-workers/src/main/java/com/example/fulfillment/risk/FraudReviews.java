package com.example.fulfillment.risk;

import java.time.Instant;
import java.util.Optional;

/** Storage port for fraud reviews; one per order. */
public interface FraudReviews {

  Optional<String> findOutcome(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order was reviewed
   */
  void insert(String orderId, String outcome, String reason, Instant now);
}
