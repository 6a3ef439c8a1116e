package com.example.fulfillment.order;

/** The order names a SKU that is not in the catalog. */
public class UnknownSkuException extends RuntimeException {
  private final String sku;

  public UnknownSkuException(final String sku) {
    super("SKU " + sku + " is not in the catalog");
    this.sku = sku;
  }

  public String sku() {
    return sku;
  }
}
