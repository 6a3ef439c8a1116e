package com.example.fulfillment.shipping.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.shipping.Shipment;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#CREATE_SHIPMENT}: creates the order's shipment. In: orderId. Out: shipmentId,
 * trackingNumber.
 */
@Component
public class CreateShipmentWorker {

  private final ShippingService shipping;
  private final JobHandling jobs;

  CreateShipmentWorker(final ShippingService shipping, final JobHandling jobs) {
    this.shipping = shipping;
    this.jobs = jobs;
  }

  public record Output(String shipmentId, String trackingNumber) {}

  @JobWorker(type = JobTypes.CREATE_SHIPMENT)
  public Output createShipment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job,
        () -> {
          final Shipment shipment = shipping.create(required(orderId, Variables.ORDER_ID));
          return new Output(shipment.shipmentId(), shipment.trackingNumber());
        });
  }
}
