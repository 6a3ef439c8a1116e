package com.example.fulfillment.warehouse.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.warehouse.WarehouseService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** The warehouse jobs, one {@code @JobWorker} method each, next to its Out record. */
@Component
public record WarehouseWorkers(WarehouseService warehouse, JobHandling jobs) {

  public record PickAndPackOutput(String packageId) {}

  /** {@value JobTypes#PICK_AND_PACK}: picks and packs the order. In: orderId. Out: packageId. */
  @JobWorker(type = JobTypes.PICK_AND_PACK)
  public PickAndPackOutput pickAndPack(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, warehouse::pack, PickAndPackOutput::new);
  }

  public record GiftWrapOutput(boolean giftWrapped) {}

  /** {@value JobTypes#GIFT_WRAP}: gift-wraps the order. In: orderId. Out: giftWrapped. */
  @JobWorker(type = JobTypes.GIFT_WRAP)
  public GiftWrapOutput giftWrap(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, warehouse::giftWrap, GiftWrapOutput::new);
  }
}
