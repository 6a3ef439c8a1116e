package com.example.fulfillment.notification.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.notification.NotificationService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#NOTIFY_CUSTOMER}: tells the customer the outcome. In: orderId, customerId,
 * outcome. No output.
 */
@Component
public class NotifyCustomerWorker {

  private final NotificationService notifications;
  private final JobHandling jobs;

  NotifyCustomerWorker(final NotificationService notifications, final JobHandling jobs) {
    this.notifications = notifications;
    this.jobs = jobs;
  }

  public record Input(String orderId, String customerId, String outcome) {}

  @JobWorker(type = JobTypes.NOTIFY_CUSTOMER)
  public void notifyCustomer(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(
        job,
        () ->
            notifications.notifyOutcome(
                required(input.orderId(), Variables.ORDER_ID),
                required(input.customerId(), Variables.CUSTOMER_ID),
                required(input.outcome(), Variables.OUTCOME)));
  }
}
