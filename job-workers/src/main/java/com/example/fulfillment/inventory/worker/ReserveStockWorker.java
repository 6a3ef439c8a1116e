package com.example.fulfillment.inventory.worker;

import static com.example.fulfillment.jobs.Inputs.required;

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
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#RESERVE_STOCK}: reserves one order line. In: orderId, lineNo, sku, quantity.
 * Out: reservation = {lineNo, sku, quantity, reserved: true}. BPMN error INSUFFICIENT_STOCK with
 * variables lineNo, sku, quantity, available.
 */
@Component
public class ReserveStockWorker {

  private final InventoryService inventory;
  private final JobHandling jobs;

  ReserveStockWorker(final InventoryService inventory, final JobHandling jobs) {
    this.inventory = inventory;
    this.jobs = jobs;
  }

  public record Input(String orderId, Integer lineNo, String sku, Integer quantity) {}

  /** The multi-instance output element. */
  public record Reservation(int lineNo, String sku, int quantity, boolean reserved) {}

  public record Output(Reservation reservation) {}

  @JobWorker(type = JobTypes.RESERVE_STOCK)
  public Output reserveStock(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () -> {
          final ReserveLine line =
              new ReserveLine(
                  required(input.orderId(), Variables.ORDER_ID),
                  required(input.lineNo(), Variables.LINE_NO),
                  required(input.sku(), Variables.SKU),
                  required(input.quantity(), Variables.QUANTITY));
          return switch (inventory.reserve(line)) {
            case ReservationResult.Reserved r ->
                new Output(new Reservation(r.lineNo(), r.sku(), r.quantity(), true));
            case ReservationResult.Refused r ->
                throw CamundaError.bpmnError(
                    Errors.INSUFFICIENT_STOCK,
                    r.sku() + ": " + r.quantity() + " requested, " + r.available() + " available",
                    Map.of(
                        Variables.LINE_NO, r.lineNo(),
                        Variables.SKU, r.sku(),
                        Variables.QUANTITY, r.quantity(),
                        ErrorVariables.AVAILABLE, r.available()));
          };
        });
  }
}
