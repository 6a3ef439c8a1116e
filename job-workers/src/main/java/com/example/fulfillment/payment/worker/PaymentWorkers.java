package com.example.fulfillment.payment.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The payment jobs, one {@code @JobWorker} method each, next to its In and Out records. Provider
 * trouble is a technical failure (retries with backoff, then an incident).
 */
@Component
public record PaymentWorkers(PaymentService payments, JobHandling jobs) {

  public record ChargeInput(String orderId, BigDecimal total, String currency) {}

  public record ChargeOutput(String paymentStatus, String chargeId) {

    static ChargeOutput of(final ChargeOutcome outcome) {
      return switch (outcome) {
        case ChargeOutcome.Charged c -> new ChargeOutput(PaymentStatuses.CHARGED, c.chargeId());
        case ChargeOutcome.PendingConfirmation p ->
            new ChargeOutput(PaymentStatuses.PENDING_CONFIRMATION, p.chargeId());
        case ChargeOutcome.Declined d ->
            throw JobHandling.refusal(Errors.PAYMENT_DECLINED, d.reason());
      };
    }
  }

  /**
   * {@value JobTypes#CHARGE_PAYMENT}: charges the order with its payment token (read from the order
   * record, never a process variable). In: orderId, total, currency. Out: paymentStatus (CHARGED |
   * PENDING_CONFIRMATION), chargeId. BPMN error PAYMENT_DECLINED (message = decline reason).
   */
  @JobWorker(type = JobTypes.CHARGE_PAYMENT)
  public ChargeOutput chargePayment(
      final ActivatedJob job, @VariablesAsType final ChargeInput input) {
    return jobs.handle(
        job,
        input,
        in -> payments.charge(in.orderId(), in.total(), in.currency()),
        ChargeOutput::of);
  }

  public record CaptureOutput(String paymentStatus) {}

  /**
   * {@value JobTypes#CAPTURE_PAYMENT}: captures a pending authorization after PaymentConfirmed. In:
   * orderId. Out: paymentStatus = CHARGED.
   */
  @JobWorker(type = JobTypes.CAPTURE_PAYMENT)
  public CaptureOutput capturePayment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, orderId, payments::capture, captured -> new CaptureOutput(PaymentStatuses.CHARGED));
  }

  public record RefundOutput(BigDecimal refundedAmount) {}

  /**
   * {@value JobTypes#REFUND_PAYMENT} (compensation of charge-payment): refunds what was captured
   * (never more) or voids a pending authorization. In: orderId. Out: refundedAmount.
   */
  @JobWorker(type = JobTypes.REFUND_PAYMENT)
  public RefundOutput refundPayment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, payments::refund, RefundOutput::new);
  }
}
