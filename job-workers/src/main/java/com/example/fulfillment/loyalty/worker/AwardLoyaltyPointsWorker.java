package com.example.fulfillment.loyalty.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.loyalty.LoyaltyService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#AWARD_LOYALTY_POINTS}: one point per full currency unit. In: orderId,
 * customerId, total. Out: points.
 */
@Component
public record AwardLoyaltyPointsWorker(LoyaltyService loyalty, JobHandling jobs) {

  public record Input(String orderId, String customerId, BigDecimal total) {}

  public record Output(int points) {}

  @JobWorker(type = JobTypes.AWARD_LOYALTY_POINTS)
  public Output awardLoyaltyPoints(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job, input, in -> loyalty.award(in.orderId(), in.customerId(), in.total()), Output::new);
  }
}
