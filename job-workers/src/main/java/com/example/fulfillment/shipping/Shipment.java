package com.example.fulfillment.shipping;

import java.time.Instant;

/** An order's shipment; one per order (key: order id). */
public record Shipment(
    String shipmentId,
    String orderId,
    String trackingNumber,
    ShipmentStatus status,
    ShippingMethod method,
    String carrier,
    Instant estimatedDelivery,
    Instant deliveredAt,
    Instant cancelledAt) {}
