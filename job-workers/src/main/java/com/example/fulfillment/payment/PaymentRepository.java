package com.example.fulfillment.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage port for payments. Transitions are conditional updates reporting whether they applied.
 */
public interface PaymentRepository {

  Optional<Payment> find(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order has a payment
   */
  void insert(Payment payment, Instant now);

  /** PENDING_CONFIRMATION → CHARGED, captured = amount. */
  boolean capture(String orderId, Instant now);

  /** PENDING_CONFIRMATION → VOIDED. */
  boolean voidAuthorization(String orderId, Instant now);

  /** CHARGED → REFUNDED with refunded = {@code amount} (at most the captured amount). */
  boolean refund(String orderId, BigDecimal amount, Instant now);

  PaymentTotals totals();
}
