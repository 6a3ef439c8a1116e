package com.example.fulfillment.payment.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#REFUND_PAYMENT} (compensation of charge-payment): refunds what was captured
 * (never more) or voids a pending authorization. In: orderId. Out: refundedAmount.
 */
@Component
public record RefundPaymentWorker(PaymentService payments, JobHandling jobs) {

  public record Output(BigDecimal refundedAmount) {}

  @JobWorker(type = JobTypes.REFUND_PAYMENT)
  public Output refundPayment(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, payments::refund, Output::new);
  }
}
