package com.example.fulfillment.payment.worker;

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
public record CapturePaymentWorker(PaymentService payments, JobHandling jobs) {

  public record Output(String paymentStatus) {}

  @JobWorker(type = JobTypes.CAPTURE_PAYMENT)
  public Output capturePayment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, orderId, payments::capture, captured -> new Output(PaymentStatuses.CHARGED));
  }
}
