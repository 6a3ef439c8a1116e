package com.example.fulfillment.invoicing;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Issues one invoice per order. */
public record InvoiceService(InvoiceRepository invoices, Transactions tx, Clock clock) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  /** Issues the order's invoice for {@code total}, or returns the one issued before. */
  public Invoice issue(final String orderId, final BigDecimal total, final String currency) {
    return Once.perform(
        tx,
        () -> invoices.find(orderId),
        () -> {
          final var now = clock.instant();
          final Invoice invoice =
              new Invoice(
                  orderId,
                  "INV-"
                      + DAY.format(now)
                      + "-"
                      + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                  Money.amount(total),
                  currency,
                  now);
          invoices.insert(invoice);
          return invoice;
        });
  }
}
