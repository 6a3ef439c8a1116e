package com.example.fulfillment.invoicing;

import java.util.Optional;

/** Storage port for invoices. */
public interface InvoiceRepository {

  Optional<Invoice> find(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order has an invoice
   */
  void insert(Invoice invoice);
}
