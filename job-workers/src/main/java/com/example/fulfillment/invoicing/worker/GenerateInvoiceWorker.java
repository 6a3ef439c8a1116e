package com.example.fulfillment.invoicing.worker;

import com.example.fulfillment.invoicing.InvoiceService;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@value JobTypes#GENERATE_INVOICE}: issues the invoice. In: orderId, total, currency. Out:
 * invoiceNumber.
 */
@Component
public record GenerateInvoiceWorker(InvoiceService invoices, JobHandling jobs) {

  public record Input(String orderId, BigDecimal total, String currency) {}

  public record Output(String invoiceNumber) {}

  @JobWorker(type = JobTypes.GENERATE_INVOICE)
  public Output generateInvoice(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        input,
        in -> invoices.issue(in.orderId(), in.total(), in.currency()),
        invoice -> new Output(invoice.invoiceNumber()));
  }
}
