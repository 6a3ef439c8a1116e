package com.example.fulfillment.risk;

import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second look at a MEDIUM fraud risk (the {@code fraud-risk} decision's middle band): a known
 * customer, or a small first order, is cleared (LOW); anything else is HIGH and the order is
 * rejected. LOW and HIGH pass unchanged. The outcome is recorded once per order: asked again (a job
 * handed out twice), the review answers what it answered first.
 */
public record FraudReviewService(FraudReviews reviews, Transactions tx, Clock clock) {

  public static final String LOW = "LOW";
  public static final String MEDIUM = "MEDIUM";
  public static final String HIGH = "HIGH";

  /** A first order up to this total is cleared without history. */
  static final BigDecimal SMALL_FIRST_ORDER = new BigDecimal("500");

  private static final Logger LOG = LoggerFactory.getLogger(FraudReviewService.class);

  /** The risk level after review: LOW or HIGH. */
  public String review(
      final String orderId,
      final String riskLevel,
      final BigDecimal total,
      final int previousOrders) {
    if (!MEDIUM.equals(riskLevel)) {
      return riskLevel;
    }
    return Once.perform(
        tx,
        () -> reviews.findOutcome(orderId),
        () -> {
          final boolean known = previousOrders > 0;
          final boolean small = total.compareTo(SMALL_FIRST_ORDER) <= 0;
          final String outcome = known || small ? LOW : HIGH;
          final String reason =
              known
                  ? "known customer (" + previousOrders + " previous orders)"
                  : small
                      ? "first order of at most " + SMALL_FIRST_ORDER
                      : "first order over " + SMALL_FIRST_ORDER;
          reviews.insert(orderId, outcome, reason, clock.instant());
          LOG.info("Fraud review of order {}: MEDIUM → {} ({})", orderId, outcome, reason);
          return outcome;
        });
  }
}
