package com.example.fulfillment.analytics.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.analytics.SalesService;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** {@value JobTypes#RECORD_SALE}: records the sale for analytics. In: orderId, total. No output. */
@Component
public class RecordSaleWorker {

  private final SalesService sales;
  private final JobHandling jobs;

  RecordSaleWorker(final SalesService sales, final JobHandling jobs) {
    this.sales = sales;
    this.jobs = jobs;
  }

  public record Input(String orderId, BigDecimal total) {}

  @JobWorker(type = JobTypes.RECORD_SALE)
  public void recordSale(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(
        job,
        () ->
            sales.record(
                required(input.orderId(), Variables.ORDER_ID),
                required(input.total(), Variables.TOTAL)));
  }
}
