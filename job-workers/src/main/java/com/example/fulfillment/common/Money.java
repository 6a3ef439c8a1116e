package com.example.fulfillment.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are BigDecimal with 2 decimals (the schema's NUMERIC(12,2)); never double. */
public final class Money {

  public static final String EUR = "EUR";

  private Money() {}

  public static BigDecimal amount(final BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  public static boolean same(final BigDecimal a, final BigDecimal b) {
    return a.compareTo(b) == 0;
  }
}
