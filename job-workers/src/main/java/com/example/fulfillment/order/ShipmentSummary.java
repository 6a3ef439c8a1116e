package com.example.fulfillment.order;

import java.time.Instant;

/**
 * The order's shipment as the API shows it (read from the shipping books).
 *
 * @param status CREATED, ASSIGNED, SCHEDULED, DELIVERED or CANCELLED
 */
public record ShipmentSummary(
    String shipmentId,
    String trackingNumber,
    String status,
    String shippingMethod,
    String carrier,
    Instant estimatedDelivery,
    Instant deliveredAt) {}
