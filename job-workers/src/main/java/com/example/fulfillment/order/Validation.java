package com.example.fulfillment.order;

import java.math.BigDecimal;

/** Result of validating an order for fulfillment. */
public sealed interface Validation {

  /** The order can go on; the figures the risk and shipping decisions need. */
  record Valid(BigDecimal total, String currency, BigDecimal totalWeightKg, int previousOrders)
      implements Validation {}

  /** The order cannot be fulfilled as it is (BPMN error INVALID_ORDER). */
  record Invalid(String reason) implements Validation {}
}
