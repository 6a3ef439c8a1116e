package com.example.fulfillment.warehouse.worker;

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
public record GiftWrapWorker(WarehouseService warehouse, JobHandling jobs) {

  public record Output(boolean giftWrapped) {}

  @JobWorker(type = JobTypes.GIFT_WRAP)
  public Output giftWrap(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, warehouse::giftWrap, Output::new);
  }
}
