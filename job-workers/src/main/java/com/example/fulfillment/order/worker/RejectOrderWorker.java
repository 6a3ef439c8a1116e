package com.example.fulfillment.order.worker;

import com.example.fulfillment.jobs.Inputs.Optional;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderClosing;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#REJECT_ORDER}: ends the order as rejected. In: orderId, rejectionReason,
 * rejectionDetail. Out: outcome = REJECTED.
 */
@Component
public record RejectOrderWorker(OrderClosing orders, JobHandling jobs) {

  public record Input(String orderId, String rejectionReason, @Optional String rejectionDetail) {}

  @JobWorker(type = JobTypes.REJECT_ORDER)
  public OutcomeOutput rejectOrder(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        input,
        in ->
            orders.reject(
                in.orderId(), RejectionReason.valueOf(in.rejectionReason()), in.rejectionDetail()),
        OutcomeOutput::of);
  }
}
