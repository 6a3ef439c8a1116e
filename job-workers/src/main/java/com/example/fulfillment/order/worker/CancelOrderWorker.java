package com.example.fulfillment.order.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderClosing;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#CANCEL_ORDER}: ends the order as cancelled, after the model compensated what was
 * done. In: orderId. Out: outcome = CANCELLED.
 */
@Component
public record CancelOrderWorker(OrderClosing orders, JobHandling jobs) {

  @JobWorker(type = JobTypes.CANCEL_ORDER)
  public OutcomeOutput cancelOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, orders::cancel, OutcomeOutput::of);
  }
}
