package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#ESCALATE_LATE_DELIVERY}: records that the delivery missed its SLA. In: orderId,
 * shipmentId. No output.
 */
@Component
public record EscalateLateDeliveryWorker(ShippingService shipping, JobHandling jobs) {

  public record Input(String orderId, String shipmentId) {}

  @JobWorker(type = JobTypes.ESCALATE_LATE_DELIVERY)
  public void escalateLateDelivery(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(job, input, in -> shipping.escalateLateDelivery(in.orderId(), in.shipmentId()));
  }
}
