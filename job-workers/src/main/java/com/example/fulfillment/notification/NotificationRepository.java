package com.example.fulfillment.notification;

import java.time.Instant;
import java.util.Optional;

/** Storage port for sent notifications; one per (order, kind). */
public interface NotificationRepository {

  Optional<Instant> findSentAt(String orderId, String kind);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if it was sent already
   */
  void insert(String orderId, String kind, String customerId, Instant now);
}
