package com.example.fulfillment.shipping.sandbox;

import com.example.fulfillment.shipping.Carrier;
import com.example.fulfillment.shipping.ShippingMethod;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulated carriers, one per shipping method, like a carrier's sandbox: a booking is kept per
 * order (its idempotency key), so booking again returns the first carrier, and a cancellation is
 * recorded once. In memory: the answers depend on the method only, so a restart changes none.
 */
public class SandboxCarriers implements Carrier {

  private final Map<String, Booking> bookings = new ConcurrentHashMap<>();

  /** A shipment booked with a carrier; {@code cancelled} once the order gave it back. */
  public record Booking(
      String shipmentId, ShippingMethod method, String carrier, boolean cancelled) {}

  @Override
  public String book(final String orderId, final String shipmentId, final ShippingMethod method) {
    return bookings
        .computeIfAbsent(orderId, id -> new Booking(shipmentId, method, carrierFor(method), false))
        .carrier();
  }

  @Override
  public void cancel(final String orderId, final String shipmentId) {
    bookings.computeIfPresent(
        orderId, (id, b) -> new Booking(b.shipmentId(), b.method(), b.carrier(), true));
  }

  /** The order's booking, as the carrier's books show it. */
  public Optional<Booking> booking(final String orderId) {
    return Optional.ofNullable(bookings.get(orderId));
  }

  static String carrierFor(final ShippingMethod method) {
    return switch (method) {
      case DRONE -> "SkyDrop drone fleet";
      case EXPRESS -> "UPS Express";
      case STANDARD -> "DHL Paket";
      case FREIGHT -> "DB Schenker";
    };
  }
}
