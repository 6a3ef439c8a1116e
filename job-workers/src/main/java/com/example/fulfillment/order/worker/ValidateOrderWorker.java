package com.example.fulfillment.order.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.Validation;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#VALIDATE_ORDER}: links the order to its process instance and checks it. In:
 * orderId. Out: total, currency, totalWeightKg, previousOrders. BPMN error INVALID_ORDER.
 */
@Component
public record ValidateOrderWorker(OrderService orders, JobHandling jobs) {

  public record Input(String orderId) {}

  public record Output(
      BigDecimal total, String currency, BigDecimal totalWeightKg, int previousOrders) {

    static Output of(final Validation validation) {
      return switch (validation) {
        case Validation.Valid v ->
            new Output(v.total(), v.currency(), v.totalWeightKg(), v.previousOrders());
        case Validation.Invalid i -> throw JobHandling.refusal(Errors.INVALID_ORDER, i.reason());
      };
    }
  }

  @JobWorker(type = JobTypes.VALIDATE_ORDER)
  public Output validateOrder(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job, input, in -> orders.validate(in.orderId(), job.getProcessInstanceKey()), Output::of);
  }
}
