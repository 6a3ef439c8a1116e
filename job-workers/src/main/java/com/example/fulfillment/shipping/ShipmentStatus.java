package com.example.fulfillment.shipping;

/** Life of a shipment: CREATED → ASSIGNED → SCHEDULED → DELIVERED, or CANCELLED before delivery. */
public enum ShipmentStatus {
  CREATED,
  ASSIGNED,
  SCHEDULED,
  DELIVERED,
  CANCELLED
}
