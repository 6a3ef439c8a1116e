package com.example.fulfillment.shipping;

import java.math.BigDecimal;

/** Transport insurance of an order's shipment; one per order. */
public record InsurancePolicy(
    String orderId,
    String policyNumber,
    BigDecimal insuredAmount,
    BigDecimal premium,
    String currency) {}
