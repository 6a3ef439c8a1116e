package com.example.fulfillment.order.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.Validation;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#VALIDATE_ORDER}: links the order to its process instance and checks it. In:
 * orderId. Out: total, currency, totalWeightKg, previousOrders. BPMN error INVALID_ORDER.
 */
@Component
public class ValidateOrderWorker {

  private final OrderService orders;
  private final JobHandling jobs;

  ValidateOrderWorker(final OrderService orders, final JobHandling jobs) {
    this.orders = orders;
    this.jobs = jobs;
  }

  public record Input(String orderId) {}

  public record Output(
      BigDecimal total, String currency, BigDecimal totalWeightKg, int previousOrders) {}

  @JobWorker(type = JobTypes.VALIDATE_ORDER)
  public Output validateOrder(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            switch (orders.validate(
                required(input.orderId(), Variables.ORDER_ID), job.getProcessInstanceKey())) {
              case Validation.Valid v ->
                  new Output(v.total(), v.currency(), v.totalWeightKg(), v.previousOrders());
              case Validation.Invalid invalid ->
                  throw CamundaError.bpmnError(
                      Errors.INVALID_ORDER,
                      invalid.reason(),
                      Map.of(Variables.REJECTION_DETAIL, invalid.reason()));
            });
  }
}
