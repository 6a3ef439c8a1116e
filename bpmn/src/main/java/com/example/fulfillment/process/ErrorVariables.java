package com.example.fulfillment.process;

/**
 * Variables the workers attach to BPMN errors, besides the names in {@link
 * ProcessConstants.Variables} (lineNo, sku, quantity, rejectionDetail). Error variables are local
 * to the catching event; a model maps what it needs.
 */
public final class ErrorVariables {

  /** INSUFFICIENT_STOCK: how many of the SKU were available when the line was refused. */
  public static final String AVAILABLE = "available";

  private ErrorVariables() {}
}
