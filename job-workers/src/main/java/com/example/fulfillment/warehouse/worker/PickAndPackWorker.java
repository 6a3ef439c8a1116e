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

/** {@value JobTypes#PICK_AND_PACK}: picks and packs the order. In: orderId. Out: packageId. */
@Component
public class PickAndPackWorker {

  private final WarehouseService warehouse;
  private final JobHandling jobs;

  PickAndPackWorker(final WarehouseService warehouse, final JobHandling jobs) {
    this.warehouse = warehouse;
    this.jobs = jobs;
  }

  public record Output(String packageId) {}

  @JobWorker(type = JobTypes.PICK_AND_PACK)
  public Output pickAndPack(
      final ActivatedJob job, @Variable(name = Variables.ORDER_ID) final String orderId) {
    return jobs.handle(
        job, () -> new Output(warehouse.pack(required(orderId, Variables.ORDER_ID))));
  }
}
