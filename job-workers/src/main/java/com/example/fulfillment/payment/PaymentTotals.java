package com.example.fulfillment.payment;

import java.math.BigDecimal;

/** Money in our books: captured and refunded, over every payment. */
public record PaymentTotals(BigDecimal captured, BigDecimal refunded) {

  public BigDecimal net() {
    return captured.subtract(refunded);
  }
}
