package com.example.fulfillment.app.sandbox;

import com.example.fulfillment.providers.CarrierApi;
import com.example.fulfillment.providers.CarrierApi.BookingAnswer;
import com.example.fulfillment.providers.CarrierApi.BookingRequest;
import com.example.fulfillment.providers.CarrierApi.CancellationAnswer;
import com.example.fulfillment.providers.CarrierApi.CancellationRequest;
import com.example.fulfillment.providers.ProviderClient;
import com.example.fulfillment.providers.ProvidersConfiguration;
import com.example.fulfillment.shipping.ShippingMethod;
import com.example.fulfillment.shipping.sandbox.SandboxCarriers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The carriers' sandbox over HTTP ({@link CarrierApi}), served by the app itself. */
@RestController
@RequestMapping(ProvidersConfiguration.CARRIER_SANDBOX)
@SandboxEnabled
class SandboxCarrierController {

  private final SandboxCarriers carriers;

  SandboxCarrierController(final SandboxCarriers carriers) {
    this.carriers = carriers;
  }

  @PostMapping("/" + CarrierApi.BOOKINGS)
  BookingAnswer book(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final BookingRequest request) {
    SandboxKeys.require(key, request.orderId(), CarrierApi.BOOKING);
    return new BookingAnswer(
        carriers.book(
            request.orderId(), request.shipmentId(), ShippingMethod.valueOf(request.method())));
  }

  @PostMapping("/" + CarrierApi.CANCELLATIONS)
  CancellationAnswer cancel(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final CancellationRequest request) {
    SandboxKeys.require(key, request.orderId(), CarrierApi.CANCELLATION);
    carriers.cancel(request.orderId(), request.shipmentId());
    return new CancellationAnswer("CANCELLED");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail refused(final IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }
}
