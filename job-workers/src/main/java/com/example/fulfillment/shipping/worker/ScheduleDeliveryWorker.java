package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.jobs.Inputs.Optional;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#SCHEDULE_DELIVERY}: schedules the delivery with the assigned carrier. In:
 * orderId, shipmentId, carrier. Out: estimatedDelivery (ISO-8601 instant).
 */
@Component
public record ScheduleDeliveryWorker(ShippingService shipping, JobHandling jobs) {

  /** {@code carrier} is informative: the shipment's recorded carrier is the one scheduled. */
  public record Input(String orderId, String shipmentId, @Optional String carrier) {}

  /** {@code estimatedDelivery}: an ISO-8601 instant. */
  public record Output(String estimatedDelivery) {}

  @JobWorker(type = JobTypes.SCHEDULE_DELIVERY)
  public Output scheduleDelivery(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        input,
        in -> shipping.schedule(in.orderId(), in.shipmentId()),
        eta -> new Output(eta.toString()));
  }
}
