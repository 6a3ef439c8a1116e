package com.example.fulfillment.order;

import java.math.BigDecimal;

/**
 * The order's payment as the API shows it (read from the payment books).
 *
 * @param status CHARGED, PENDING_CONFIRMATION, DECLINED, VOIDED or REFUNDED
 * @param chargedAmount what was captured
 */
public record PaymentSummary(
    String status,
    String chargeId,
    BigDecimal amount,
    BigDecimal chargedAmount,
    BigDecimal refundedAmount,
    String declineReason) {}
