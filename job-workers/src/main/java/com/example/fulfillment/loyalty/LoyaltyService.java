package com.example.fulfillment.loyalty;

import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loyalty points: one point per full currency unit of a fulfilled order, once per order. */
public record LoyaltyService(LoyaltyRepository loyalty, Transactions tx, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(LoyaltyService.class);

  /** Awards the order's points, or returns those awarded before. */
  public int award(final String orderId, final String customerId, final BigDecimal total) {
    return Once.perform(
        tx,
        () -> loyalty.findPoints(orderId),
        () -> {
          final int points = total.setScale(0, RoundingMode.DOWN).intValueExact();
          loyalty.insert(orderId, customerId, points, clock.instant());
          LOG.info("Customer {} earned {} points with order {}", customerId, points, orderId);
          return points;
        });
  }

  public int balance(final String customerId) {
    return tx.inTransaction(() -> loyalty.balance(customerId));
  }
}
