package com.example.fulfillment.inventory;

import java.math.BigDecimal;

/** A catalog product: the only source of prices. */
public record Product(
    String sku, String name, BigDecimal unitPrice, String currency, BigDecimal weightKg) {}
