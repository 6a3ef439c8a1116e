package com.example.fulfillment.invoicing.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.byName;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.invoicing.Invoice;
import com.example.fulfillment.invoicing.InvoiceRepository;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code invoice}. */
public record JdbcInvoiceRepository(JdbcClient jdbc) implements InvoiceRepository {

  @Override
  public Optional<Invoice> find(final String orderId) {
    return Jdbc.orderRow(jdbc, "invoice", orderId, byName(Invoice.class));
  }

  @Override
  public void insert(final Invoice invoice) {
    Jdbc.insertOnce(
        "invoice of order " + invoice.orderId(),
        jdbc.sql(
                """
                INSERT INTO invoice (order_id, invoice_number, amount, currency, issued_at)
                VALUES (:orderId, :number, :amount, :currency, :issuedAt)
                """)
            .param("orderId", invoice.orderId())
            .param("number", invoice.invoiceNumber())
            .param("amount", invoice.amount())
            .param("currency", invoice.currency())
            .param("issuedAt", ts(invoice.issuedAt())));
  }
}
