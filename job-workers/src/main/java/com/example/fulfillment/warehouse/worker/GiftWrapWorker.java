package com.example.fulfillment.warehouse.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.warehouse.WarehouseService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@value JobTypes#GIFT_WRAP}: gift-wraps the order. In: orderId. Out: giftWrapped. */
@Component
public class GiftWrapWorker {

  private final WarehouseService warehouse;
  private final JobHandling jobs;

  GiftWrapWorker(final WarehouseService warehouse, final JobHandling jobs) {
    this.warehouse = warehouse;
    this.jobs = jobs;
  }

  public record Output(boolean giftWrapped) {}

  @JobWorker(type = JobTypes.GIFT_WRAP)
  public Output giftWrap(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, () -> new Output(warehouse.giftWrap(required(orderId, Variables.ORDER_ID))));
  }
}
