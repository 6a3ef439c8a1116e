package com.example.fulfillment.inventory.worker;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.ReservationResult;
import com.example.fulfillment.inventory.ReserveLine;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ErrorVariables;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#RESERVE_STOCK}: reserves one order line. In: orderId, lineNo, sku, quantity.
 * Out: reservation = {lineNo, sku, quantity, reserved: true}. BPMN error INSUFFICIENT_STOCK with
 * variables lineNo, sku, quantity, available.
 */
@Component
public record ReserveStockWorker(InventoryService inventory, JobHandling jobs) {

  public record Input(String orderId, Integer lineNo, String sku, Integer quantity) {

    ReserveLine line() {
      return new ReserveLine(orderId, lineNo, sku, quantity);
    }
  }

  /** The multi-instance output element. */
  public record Reservation(int lineNo, String sku, int quantity, boolean reserved) {}

  public record Output(Reservation reservation) {

    static Output of(final ReservationResult result) {
      return switch (result) {
        case ReservationResult.Reserved r ->
            new Output(new Reservation(r.lineNo(), r.sku(), r.quantity(), true));
        case ReservationResult.Refused r ->
            throw JobHandling.refusal(
                Errors.INSUFFICIENT_STOCK,
                r.sku() + ": " + r.quantity() + " requested, " + r.available() + " available",
                Map.of(
                    Variables.LINE_NO, r.lineNo(),
                    Variables.SKU, r.sku(),
                    Variables.QUANTITY, r.quantity(),
                    ErrorVariables.AVAILABLE, r.available()));
      };
    }
  }

  @JobWorker(type = JobTypes.RESERVE_STOCK)
  public Output reserveStock(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(job, input, in -> inventory.reserve(in.line()), Output::of);
  }
}
