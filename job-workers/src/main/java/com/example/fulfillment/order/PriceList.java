package com.example.fulfillment.order;

import java.math.BigDecimal;
import java.util.Optional;

/** Port: the product catalog the order is priced from (implemented by the inventory). */
public interface PriceList {

  Optional<Item> find(String sku);

  /** A product as the order sees it. */
  record Item(
      String sku, String name, BigDecimal unitPrice, String currency, BigDecimal weightKg) {}
}
