package com.example.fulfillment.providers;

/**
 * The carrier's HTTP API, as the adapter speaks it and the app's sandbox serves it: POST {@code
 * <base>/bookings} and {@code /cancellations}, with header {@code Idempotency-Key:
 * <orderId>:<step>} ({@code carrier-booking}, {@code carrier-cancellation}).
 */
public final class CarrierApi {

  public static final String BOOKINGS = "bookings";
  public static final String CANCELLATIONS = "cancellations";

  public static final String BOOKING = "carrier-booking";
  public static final String CANCELLATION = "carrier-cancellation";

  private CarrierApi() {}

  /** {@code method}: a {@code ShippingMethod} name. */
  public record BookingRequest(String orderId, String shipmentId, String method) {}

  public record BookingAnswer(String carrier) {}

  public record CancellationRequest(String orderId, String shipmentId) {}

  public record CancellationAnswer(String result) {}
}
