package com.example.fulfillment.notification;

import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the customer how their order ended. Simulated: the message is logged (without personal
 * data) and recorded, once per (order, outcome).
 */
public record NotificationService(
    NotificationRepository notifications, Transactions tx, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  /** Notifies the customer of the order's outcome. @return when it was sent (first time) */
  public Instant notifyOutcome(
      final String orderId, final String customerId, final String outcome) {
    return Once.perform(
        tx,
        () -> notifications.findSentAt(orderId, outcome),
        () -> {
          final Instant now = clock.instant();
          notifications.insert(orderId, outcome, customerId, now);
          LOG.info("Notified customer {}: order {} is {}", customerId, orderId, outcome);
          return now;
        });
  }
}
