package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.shipping.ShippingMethod;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#ASSIGN_CARRIER}: picks the carrier for the shipping method. In: orderId,
 * shipmentId, shippingMethod. Out: carrier.
 */
@Component
public record AssignCarrierWorker(ShippingService shipping, JobHandling jobs) {

  public record Input(String orderId, String shipmentId, String shippingMethod) {}

  @JobWorker(type = JobTypes.ASSIGN_CARRIER)
  public CarrierOutput assignCarrier(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        input,
        in ->
            shipping.assignCarrier(
                in.orderId(), in.shipmentId(), ShippingMethod.valueOf(in.shippingMethod())),
        CarrierOutput::new);
  }
}
