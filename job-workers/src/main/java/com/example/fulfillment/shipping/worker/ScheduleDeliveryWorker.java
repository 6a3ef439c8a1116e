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

/**
 * {@value JobTypes#SCHEDULE_DELIVERY}: schedules the delivery with the assigned carrier. In:
 * orderId, shipmentId, carrier. Out: estimatedDelivery (ISO-8601 instant).
 */
@Component
public class ScheduleDeliveryWorker {

  private final ShippingService shipping;
  private final JobHandling jobs;

  ScheduleDeliveryWorker(final ShippingService shipping, final JobHandling jobs) {
    this.shipping = shipping;
    this.jobs = jobs;
  }

  /** {@code carrier} is informative: the shipment's recorded carrier is the one scheduled. */
  public record Input(String orderId, String shipmentId, String carrier) {}

  public record Output(String estimatedDelivery) {}

  @JobWorker(type = JobTypes.SCHEDULE_DELIVERY)
  public Output scheduleDelivery(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new Output(
                shipping
                    .schedule(
                        required(input.orderId(), Variables.ORDER_ID),
                        required(input.shipmentId(), Variables.SHIPMENT_ID))
                    .toString()));
  }
}
