package com.example.fulfillment.order.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#COMPLETE_ORDER}: ships the reserved stock, records the delivery and ends the
 * order as completed. In: orderId. Out: outcome = COMPLETED.
 */
@Component
public record CompleteOrderWorker(OrderService orders, JobHandling jobs) {

  @JobWorker(type = JobTypes.COMPLETE_ORDER)
  public OutcomeOutput completeOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, orders::complete, OutcomeOutput::of);
  }
}
