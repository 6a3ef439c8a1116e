package com.example.fulfillment.order;

import com.example.fulfillment.common.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * The tax included in an order's price: catalog prices include the value-added tax of the country
 * the order ships to, so an order's tax is {@code gross × rate / (1 + rate)}, rounded to cents
 * (half even, like every amount here). Reported in the completed event's version 2 ({@code net},
 * {@code tax}, {@code gross}); nothing is charged differently.
 *
 * @param rateByCountry standard rate per ISO 3166 alpha-2 country, e.g. 0.19
 * @param otherCountries the rate of a country not listed (0: exports are not taxed here)
 */
public record SalesTax(Map<String, BigDecimal> rateByCountry, BigDecimal otherCountries) {

  /** The standard VAT rates of the countries the demo ships to most, 2026. */
  public static final SalesTax STANDARD_RATES =
      new SalesTax(
          Map.of(
              "DE", new BigDecimal("0.19"),
              "AT", new BigDecimal("0.20"),
              "FR", new BigDecimal("0.20"),
              "NL", new BigDecimal("0.21"),
              "BE", new BigDecimal("0.21"),
              "IT", new BigDecimal("0.22"),
              "ES", new BigDecimal("0.21"),
              "PL", new BigDecimal("0.23"),
              "DK", new BigDecimal("0.25")),
          BigDecimal.ZERO);

  public SalesTax {
    rateByCountry = Map.copyOf(rateByCountry);
  }

  public BigDecimal rateOf(final String country) {
    return rateByCountry.getOrDefault(country, otherCountries);
  }

  /** The tax included in {@code gross} for an order shipped to {@code country}. */
  public BigDecimal includedIn(final BigDecimal gross, final String country) {
    final BigDecimal rate = rateOf(country);
    return Money.amount(
        gross.multiply(rate).divide(BigDecimal.ONE.add(rate), MathContext.DECIMAL64));
  }
}
