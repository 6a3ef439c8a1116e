package com.example.fulfillment.shipping.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.shipping.ShippingService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#INSURE_SHIPMENT}: insures the shipment for the order total. In: orderId, total
 * (currency if present, else EUR). Out: insurancePolicy (the policy number).
 */
@Component
public class InsureShipmentWorker {

  private final ShippingService shipping;
  private final JobHandling jobs;

  InsureShipmentWorker(final ShippingService shipping, final JobHandling jobs) {
    this.shipping = shipping;
    this.jobs = jobs;
  }

  public record Input(String orderId, BigDecimal total, String currency) {}

  public record Output(String insurancePolicy) {}

  @JobWorker(type = JobTypes.INSURE_SHIPMENT)
  public Output insureShipment(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new Output(
                shipping
                    .insure(
                        required(input.orderId(), Variables.ORDER_ID),
                        required(input.total(), Variables.TOTAL),
                        input.currency() == null ? Money.EUR : input.currency())
                    .policyNumber()));
  }
}
