package com.example.fulfillment.shipping.worker;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.jobs.Inputs.Optional;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
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
public record InsureShipmentWorker(ShippingService shipping, JobHandling jobs) {

  /** Without a {@code currency}, the total is in EUR. */
  public record Input(String orderId, BigDecimal total, @Optional String currency) {

    public Input {
      currency = currency == null ? Money.EUR : currency;
    }
  }

  public record Output(String insurancePolicy) {}

  @JobWorker(type = JobTypes.INSURE_SHIPMENT)
  public Output insureShipment(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        input,
        in -> shipping.insure(in.orderId(), in.total(), in.currency()),
        policy -> new Output(policy.policyNumber()));
  }
}
