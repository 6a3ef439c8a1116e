package com.example.fulfillment.inventory.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#RELEASE_STOCK} (compensation of reserve-stock): puts reserved stock back. In:
 * orderId, lineNo (optional: without it every reservation of the order is released). No output.
 */
@Component
public class ReleaseStockWorker {

  private final InventoryService inventory;
  private final JobHandling jobs;

  ReleaseStockWorker(final InventoryService inventory, final JobHandling jobs) {
    this.inventory = inventory;
    this.jobs = jobs;
  }

  public record Input(String orderId, Integer lineNo) {}

  @JobWorker(type = JobTypes.RELEASE_STOCK)
  public void releaseStock(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(
        job,
        () -> inventory.release(required(input.orderId(), Variables.ORDER_ID), input.lineNo()));
  }
}
