package com.example.fulfillment.order.worker;

import static com.example.fulfillment.jobs.Inputs.required;

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
public class CompleteOrderWorker {

  private final OrderService orders;
  private final JobHandling jobs;

  CompleteOrderWorker(final OrderService orders, final JobHandling jobs) {
    this.orders = orders;
    this.jobs = jobs;
  }

  @JobWorker(type = JobTypes.COMPLETE_ORDER)
  public OutcomeOutput completeOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, () -> OutcomeOutput.of(orders.complete(required(orderId, Variables.ORDER_ID))));
  }
}
