package com.example.fulfillment.shipping.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
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
public class AssignCarrierWorker {

  private final ShippingService shipping;
  private final JobHandling jobs;

  AssignCarrierWorker(final ShippingService shipping, final JobHandling jobs) {
    this.shipping = shipping;
    this.jobs = jobs;
  }

  public record Input(String orderId, String shipmentId, String shippingMethod) {}

  @JobWorker(type = JobTypes.ASSIGN_CARRIER)
  public CarrierOutput assignCarrier(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new CarrierOutput(
                shipping.assignCarrier(
                    required(input.orderId(), Variables.ORDER_ID),
                    required(input.shipmentId(), Variables.SHIPMENT_ID),
                    ShippingMethod.valueOf(
                        required(input.shippingMethod(), Variables.SHIPPING_METHOD)))));
  }
}
