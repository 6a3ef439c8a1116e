package com.example.fulfillment.warehouse.worker;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.warehouse.WarehouseService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@value JobTypes#PICK_AND_PACK}: picks and packs the order. In: orderId. Out: packageId. */
@Component
public record PickAndPackWorker(WarehouseService warehouse, JobHandling jobs) {

  public record Output(String packageId) {}

  @JobWorker(type = JobTypes.PICK_AND_PACK)
  public Output pickAndPack(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(job, orderId, warehouse::pack, Output::new);
  }
}
