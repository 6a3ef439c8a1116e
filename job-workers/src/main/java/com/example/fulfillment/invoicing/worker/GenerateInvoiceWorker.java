package com.example.fulfillment.invoicing.worker;

import static com.example.fulfillment.jobs.Inputs.required;

import com.example.fulfillment.invoicing.InvoiceService;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
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
public class GenerateInvoiceWorker {

  private final InvoiceService invoices;
  private final JobHandling jobs;

  GenerateInvoiceWorker(final InvoiceService invoices, final JobHandling jobs) {
    this.invoices = invoices;
    this.jobs = jobs;
  }

  public record Input(String orderId, BigDecimal total, String currency) {}

  public record Output(String invoiceNumber) {}

  @JobWorker(type = JobTypes.GENERATE_INVOICE)
  public Output generateInvoice(final ActivatedJob job, @VariablesAsType final Input input) {
    return jobs.handle(
        job,
        () ->
            new Output(
                invoices
                    .issue(
                        required(input.orderId(), Variables.ORDER_ID),
                        required(input.total(), Variables.TOTAL),
                        required(input.currency(), Variables.CURRENCY))
                    .invoiceNumber()));
  }
}
