package com.example.fulfillment.shipping.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@value JobTypes#ASSIGN_DRONE}: assigns a delivery drone. In: orderId, shipmentId. Out: carrier. */
@Component
public class AssignDroneWorker {

  private final ShippingService shipping;
  private final JobHandling jobs;

  AssignDroneWorker(final ShippingService shipping, final JobHandling jobs) {
    this.shipping = shipping;
    this.jobs = jobs;
  }

  public record Input(String orderId, String shipmentId) {}

  @JobWorker(type = JobTypes.ASSIGN_DRONE)
  public CarrierOutput assignDrone(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new CarrierOutput(
                shipping.assignDrone(
                    required(input.orderId(), Variables.ORDER_ID),
                    required(input.shipmentId(), Variables.SHIPMENT_ID))));
  }
}
