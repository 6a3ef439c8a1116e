package com.example.fulfillment.notification.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.notification.NotificationService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#NOTIFY_CUSTOMER}: tells the customer the outcome. In: orderId, customerId,
 * outcome. No output.
 */
@Component
public record NotifyCustomerWorker(NotificationService notifications, JobHandling jobs) {

  public record Input(String orderId, String customerId, String outcome) {}

  @JobWorker(type = JobTypes.NOTIFY_CUSTOMER)
  public void notifyCustomer(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(
        job, input, in -> notifications.notifyOutcome(in.orderId(), in.customerId(), in.outcome()));
  }
}
