package com.example.fulfillment.payment.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#CHARGE_PAYMENT}: charges the order with its payment token (read from the order
 * record, never a process variable). In: orderId, total, currency. Out: paymentStatus (CHARGED |
 * PENDING_CONFIRMATION), chargeId. BPMN error PAYMENT_DECLINED (message = decline reason);
 * provider trouble is a technical failure (retries with backoff, then an incident).
 */
@Component
public class ChargePaymentWorker {

  private final PaymentService payments;
  private final JobHandling jobs;

  ChargePaymentWorker(final PaymentService payments, final JobHandling jobs) {
    this.payments = payments;
    this.jobs = jobs;
  }

  public record Input(String orderId, BigDecimal total, String currency) {}

  public record Output(String paymentStatus, String chargeId) {}

  @JobWorker(type = JobTypes.CHARGE_PAYMENT)
  public Output chargePayment(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            switch (payments.charge(
                required(input.orderId(), Variables.ORDER_ID),
                required(input.total(), Variables.TOTAL),
                required(input.currency(), Variables.CURRENCY))) {
              case ChargeOutcome.Charged c -> new Output(PaymentStatuses.CHARGED, c.chargeId());
              case ChargeOutcome.PendingConfirmation p ->
                  new Output(PaymentStatuses.PENDING_CONFIRMATION, p.chargeId());
              case ChargeOutcome.Declined d ->
                  throw CamundaError.bpmnError(
                      Errors.PAYMENT_DECLINED,
                      d.reason(),
                      Map.of(Variables.REJECTION_DETAIL, d.reason()));
            });
  }
}
