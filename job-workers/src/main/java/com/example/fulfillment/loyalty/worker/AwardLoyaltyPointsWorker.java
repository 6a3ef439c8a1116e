package com.example.fulfillment.loyalty.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.loyalty.LoyaltyService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
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
public class AwardLoyaltyPointsWorker {

  private final LoyaltyService loyalty;
  private final JobHandling jobs;

  AwardLoyaltyPointsWorker(final LoyaltyService loyalty, final JobHandling jobs) {
    this.loyalty = loyalty;
    this.jobs = jobs;
  }

  public record Input(String orderId, String customerId, BigDecimal total) {}

  public record Output(int points) {}

  @JobWorker(type = JobTypes.AWARD_LOYALTY_POINTS)
  public Output awardLoyaltyPoints(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new Output(
                loyalty.award(
                    required(input.orderId(), Variables.ORDER_ID),
                    required(input.customerId(), Variables.CUSTOMER_ID),
                    required(input.total(), Variables.TOTAL))));
  }
}
