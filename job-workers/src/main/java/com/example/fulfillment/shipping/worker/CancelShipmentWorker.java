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
 * {@value JobTypes#CANCEL_SHIPMENT} (compensation of create-shipment): cancels the order's
 * shipment; none is success. In: orderId. No output.
 */
@Component
public record CancelShipmentWorker(ShippingService shipping, JobHandling jobs) {

  @JobWorker(type = JobTypes.CANCEL_SHIPMENT)
  public void cancelShipment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    jobs.run(job, orderId, shipping::cancel);
  }
}
