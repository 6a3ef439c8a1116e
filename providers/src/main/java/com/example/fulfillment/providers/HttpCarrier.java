package com.example.fulfillment.providers;

import com.example.fulfillment.providers.CarrierApi.BookingAnswer;
import com.example.fulfillment.providers.CarrierApi.BookingRequest;
import com.example.fulfillment.providers.CarrierApi.CancellationAnswer;
import com.example.fulfillment.providers.CarrierApi.CancellationRequest;
import com.example.fulfillment.shipping.Carrier;
import com.example.fulfillment.shipping.ShippingMethod;

/** The carrier port over HTTP ({@link CarrierApi}). */
public record HttpCarrier(ProviderClient client) implements Carrier {

  @Override
  public String book(final String orderId, final String shipmentId, final ShippingMethod method) {
    final BookingAnswer answer =
        client.post(
            CarrierApi.BOOKINGS,
            orderId,
            CarrierApi.BOOKING,
            new BookingRequest(orderId, shipmentId, method.name()),
            BookingAnswer.class);
    if (answer == null || answer.carrier() == null || answer.carrier().isBlank()) {
      throw new IllegalStateException("carrier answered no carrier for order " + orderId);
    }
    return answer.carrier();
  }

  @Override
  public void cancel(final String orderId, final String shipmentId) {
    client.post(
        CarrierApi.CANCELLATIONS,
        orderId,
        CarrierApi.CANCELLATION,
        new CancellationRequest(orderId, shipmentId),
        CancellationAnswer.class);
  }
}
