package com.example.fulfillment.order.worker;

import com.example.fulfillment.jobs.Inputs.Optional;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderClosing;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.order.Validation;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The order's own jobs, one {@code @JobWorker} method each, next to its In and Out records: the
 * check at the start and the three ways an order ends ({@link OrderClosing} undoes what was done
 * for the rejected and cancelled ones).
 */
@Component
public record OrderWorkers(OrderService orders, OrderClosing closing, JobHandling jobs) {

  public record ValidateOutput(
      BigDecimal total, String currency, BigDecimal totalWeightKg, int previousOrders) {

    static ValidateOutput of(final Validation validation) {
      return switch (validation) {
        case Validation.Valid v ->
            new ValidateOutput(v.total(), v.currency(), v.totalWeightKg(), v.previousOrders());
        case Validation.Invalid i -> throw JobHandling.refusal(Errors.INVALID_ORDER, i.reason());
      };
    }
  }

  /**
   * {@value JobTypes#VALIDATE_ORDER}: links the order to its process instance and checks it. In:
   * orderId. Out: total, currency, totalWeightKg, previousOrders. BPMN error INVALID_ORDER.
   */
  @JobWorker(type = JobTypes.VALIDATE_ORDER)
  public ValidateOutput validateOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, orderId, id -> orders.validate(id, job.getProcessInstanceKey()), ValidateOutput::of);
  }

  /** Out of the jobs that end the order: {@code outcome}. */
  public record OutcomeOutput(String outcome) {

    static OutcomeOutput of(final Outcome outcome) {
      return new OutcomeOutput(outcome.name());
    }
  }

  /**
   * {@value JobTypes#COMPLETE_ORDER}: ships the reserved stock, records the delivery and ends the
   * order as completed. In: orderId. Out: outcome = COMPLETED.
   */
  @JobWorker(type = JobTypes.COMPLETE_ORDER)
  public OutcomeOutput completeOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, orders::complete, OutcomeOutput::of);
  }

  /** The variables of a rejection. */
  public record Rejection(
      String orderId, String rejectionReason, @Optional String rejectionDetail) {}

  /**
   * {@value JobTypes#REJECT_ORDER}: ends the order as rejected. In: orderId, rejectionReason,
   * rejectionDetail. Out: outcome = REJECTED.
   */
  @JobWorker(type = JobTypes.REJECT_ORDER)
  public OutcomeOutput rejectOrder(final ActivatedJob job, @VariablesAsType final Rejection input) {
    return jobs.handle(
        job,
        input,
        in ->
            closing.reject(
                in.orderId(), RejectionReason.valueOf(in.rejectionReason()), in.rejectionDetail()),
        OutcomeOutput::of);
  }

  /**
   * {@value JobTypes#CANCEL_ORDER}: ends the order as cancelled, after the model compensated what
   * was done. In: orderId. Out: outcome = CANCELLED.
   */
  @JobWorker(type = JobTypes.CANCEL_ORDER)
  public OutcomeOutput cancelOrder(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, closing::cancel, OutcomeOutput::of);
  }
}
