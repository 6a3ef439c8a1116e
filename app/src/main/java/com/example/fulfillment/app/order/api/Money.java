package com.example.fulfillment.app.order.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An amount of money: a decimal (never a float) and its ISO 4217 currency. */
@Schema(description = "Money: decimal amount and ISO 4217 currency")
public record Money(
    @Schema(example = "29.80") BigDecimal amount, @Schema(example = "EUR") String currency) {

  static Money of(final BigDecimal amount, final String currency) {
    return amount == null ? null : new Money(amount, currency);
  }
}
