package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#ASSIGN_DRONE}: assigns a delivery drone. In: orderId, shipmentId. Out: carrier.
 */
@Component
public record AssignDroneWorker(ShippingService shipping, JobHandling jobs) {

  public record Input(String orderId, String shipmentId) {}

  @JobWorker(type = JobTypes.ASSIGN_DRONE)
  public CarrierOutput assignDrone(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job, input, in -> shipping.assignDrone(in.orderId(), in.shipmentId()), CarrierOutput::new);
  }
}
