package com.example.fulfillment.risk.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.risk.FraudReviewService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#REVIEW_FRAUD} (since version 2 of order-fulfillment, a new job type: instances
 * of version 1 never ask for it): a second look at a MEDIUM risk. In: orderId, riskLevel, total,
 * previousOrders. Out: riskLevel (LOW or HIGH).
 */
@Component
public record ReviewFraudWorker(FraudReviewService reviews, JobHandling jobs) {

  public record Input(String orderId, String riskLevel, BigDecimal total, Integer previousOrders) {}

  public record Output(String riskLevel) {}

  @JobWorker(type = JobTypes.REVIEW_FRAUD)
  public Output reviewFraud(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(job, input, this::review, Output::new);
  }

  private String review(final Input in) {
    return reviews.review(in.orderId(), in.riskLevel(), in.total(), in.previousOrders());
  }
}
