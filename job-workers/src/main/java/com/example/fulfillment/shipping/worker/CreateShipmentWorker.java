package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
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
public record CreateShipmentWorker(ShippingService shipping, JobHandling jobs) {

  public record Output(String shipmentId, String trackingNumber) {}

  @JobWorker(type = JobTypes.CREATE_SHIPMENT)
  public Output createShipment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, orderId, shipping::create, s -> new Output(s.shipmentId(), s.trackingNumber()));
  }
}
