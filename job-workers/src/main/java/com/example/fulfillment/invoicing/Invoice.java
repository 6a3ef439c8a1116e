package com.example.fulfillment.invoicing;

import java.math.BigDecimal;
import java.time.Instant;

/** An order's invoice; one per order. */
public record Invoice(
    String orderId, String invoiceNumber, BigDecimal amount, String currency, Instant issuedAt) {}
