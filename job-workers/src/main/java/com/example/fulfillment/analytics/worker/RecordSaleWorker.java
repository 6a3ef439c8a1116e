package com.example.fulfillment.analytics.worker;

import com.example.fulfillment.analytics.SalesService;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** {@value JobTypes#RECORD_SALE}: records the sale for analytics. In: orderId, total. No output. */
@Component
public record RecordSaleWorker(SalesService sales, JobHandling jobs) {

  public record Input(String orderId, BigDecimal total) {}

  @JobWorker(type = JobTypes.RECORD_SALE)
  public void recordSale(final ActivatedJob job, @VariablesAsType final Input input) {
    jobs.run(job, input, in -> sales.record(in.orderId(), in.total()));
  }
}
