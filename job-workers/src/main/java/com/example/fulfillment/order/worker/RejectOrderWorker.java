package com.example.fulfillment.order.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.closing.OrderClosing;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#REJECT_ORDER}: ends the order as rejected. In: orderId, rejectionReason,
 * rejectionDetail. Out: outcome = REJECTED.
 */
@Component
public class RejectOrderWorker {

  private final OrderClosing orders;
  private final JobHandling jobs;

  RejectOrderWorker(final OrderClosing orders, final JobHandling jobs) {
    this.orders = orders;
    this.jobs = jobs;
  }

  public record Input(String orderId, String rejectionReason, String rejectionDetail) {}

  @JobWorker(type = JobTypes.REJECT_ORDER)
  public OutcomeOutput rejectOrder(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            OutcomeOutput.of(
                orders.reject(
                    required(input.orderId(), Variables.ORDER_ID),
                    RejectionReason.valueOf(
                        required(input.rejectionReason(), Variables.REJECTION_REASON)),
                    input.rejectionDetail())));
  }
}
