package com.example.fulfillment.payment.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#CAPTURE_PAYMENT}: captures a pending authorization after PaymentConfirmed. In:
 * orderId. Out: paymentStatus = CHARGED.
 */
@Component
public class CapturePaymentWorker {

  private final PaymentService payments;
  private final JobHandling jobs;

  CapturePaymentWorker(final PaymentService payments, final JobHandling jobs) {
    this.payments = payments;
    this.jobs = jobs;
  }

  public record Output(String paymentStatus) {}

  @JobWorker(type = JobTypes.CAPTURE_PAYMENT)
  public Output capturePayment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job,
        () -> {
          payments.capture(required(orderId, Variables.ORDER_ID));
          return new Output(PaymentStatuses.CHARGED);
        });
  }
}
