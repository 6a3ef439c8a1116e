package com.example.fulfillment.inventory.worker;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.jobs.Inputs.Optional;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#RELEASE_STOCK} (compensation of reserve-stock): puts reserved stock back. In:
 * orderId, lineNo (optional: without it every reservation of the order is released). No output.
 */
@Component
public record ReleaseStockWorker(InventoryService inventory, JobHandling jobs) {

  public record Input(String orderId, @Optional Integer lineNo) {}

  @JobWorker(type = JobTypes.RELEASE_STOCK)
  public void releaseStock(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(job, input, in -> inventory.release(in.orderId(), in.lineNo()));
  }
}
