package com.example.fulfillment.order;

import java.math.BigDecimal;
import java.time.Instant;

/** An order in a list: what it is without its lines, payment and shipment. */
public record OrderSummary(
    String orderId,
    String customerId,
    OrderStatus status,
    BigDecimal total,
    String currency,
    Long processInstanceKey,
    Instant createdAt,
    Instant updatedAt) {}
