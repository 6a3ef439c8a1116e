package com.example.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SalesTaxTest {

  @Test
  void theTaxIncludedInAGrossPriceIsRoundedToCents() {
    assertThat(SalesTax.STANDARD_RATES.includedIn(new BigDecimal("119.00"), "DE"))
        .isEqualByComparingTo("19.00");
    assertThat(SalesTax.STANDARD_RATES.includedIn(new BigDecimal("58.00"), "DE"))
        .isEqualByComparingTo("9.26");
    assertThat(SalesTax.STANDARD_RATES.includedIn(new BigDecimal("10.00"), "NL"))
        .isEqualByComparingTo("1.74");
  }

  @Test
  void aCountryWithoutARateIsNotTaxed() {
    assertThat(SalesTax.STANDARD_RATES.includedIn(new BigDecimal("58.00"), "US"))
        .isEqualByComparingTo("0.00");
  }
}
