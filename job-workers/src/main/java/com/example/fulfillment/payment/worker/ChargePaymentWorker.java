package com.example.fulfillment.payment.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#CHARGE_PAYMENT}: charges the order with its payment token (read from the order
 * record, never a process variable). In: orderId, total, currency. Out: paymentStatus (CHARGED |
 * PENDING_CONFIRMATION), chargeId. BPMN error PAYMENT_DECLINED (message = decline reason); provider
 * trouble is a technical failure (retries with backoff, then an incident).
 */
@Component
public record ChargePaymentWorker(PaymentService payments, JobHandling jobs) {

  public record Input(String orderId, BigDecimal total, String currency) {}

  public record Output(String paymentStatus, String chargeId) {

    static Output of(final ChargeOutcome outcome) {
      return switch (outcome) {
        case ChargeOutcome.Charged c -> new Output(PaymentStatuses.CHARGED, c.chargeId());
        case ChargeOutcome.PendingConfirmation p ->
            new Output(PaymentStatuses.PENDING_CONFIRMATION, p.chargeId());
        case ChargeOutcome.Declined d ->
            throw JobHandling.refusal(Errors.PAYMENT_DECLINED, d.reason());
      };
    }
  }

  @JobWorker(type = JobTypes.CHARGE_PAYMENT)
  public Output chargePayment(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job, input, in -> payments.charge(in.orderId(), in.total(), in.currency()), Output::of);
  }
}
