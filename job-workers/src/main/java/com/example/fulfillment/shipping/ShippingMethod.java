package com.example.fulfillment.shipping;

/** How a shipment travels (decision {@code shipping-method}). */
public enum ShippingMethod {
  DRONE,
  EXPRESS,
  STANDARD,
  FREIGHT
}
