package com.example.fulfillment.app.process.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * An order as the app starts it (the variables of the message {@code OrderReceived}), plus what the
 * stubbed {@code validate-order} worker answers for it. Defaults: one line, shipped to DE, no
 * options, total 100 EUR, 5 kg, a returning customer: LOW risk and STANDARD shipping.
 */
final class TestOrder {

  final String orderId = "ord_" + UUID.randomUUID();
  String customerId = "c-1";
  int lines = 1;
  String shippingCountry = "DE";
  boolean express;
  boolean giftWrap;
  boolean insurance;
  String paymentConfirmationTimeout = "PT15M";
  String deliverySla = "P3D";
  // the validate-order worker's answer
  double total = 100.0;
  double totalWeightKg = 5.0;
  int previousOrders = 3;

  static TestOrder order() {
    return new TestOrder();
  }

  TestOrder lines(final int lines) {
    this.lines = lines;
    return this;
  }

  /** Any other change to the defaults, e.g. {@code order().with(o -> o.total = 6000.0)}. */
  TestOrder with(final Consumer<TestOrder> change) {
    change.accept(this);
    return this;
  }

  static String sku(final int lineNo) {
    return "SKU-" + lineNo;
  }

  static int quantity(final int lineNo) {
    return lineNo + 1;
  }

  /** The variables of the message OrderReceived; null durations are left out. */
  Map<String, Object> startVariables() {
    final List<Map<String, Object>> orderLines = new ArrayList<>();
    IntStream.rangeClosed(1, lines)
        .forEach(n -> orderLines.add(Map.of("sku", sku(n), "quantity", quantity(n))));
    final Map<String, Object> variables = new HashMap<>();
    variables.put("orderId", orderId);
    variables.put("customerId", customerId);
    variables.put("lines", orderLines);
    variables.put("shippingCountry", shippingCountry);
    variables.put("express", express);
    variables.put("giftWrap", giftWrap);
    variables.put("insurance", insurance);
    variables.put("correlationId", "test-" + orderId);
    if (paymentConfirmationTimeout != null) {
      variables.put("paymentConfirmationTimeout", paymentConfirmationTimeout);
    }
    if (deliverySla != null) {
      variables.put("deliverySla", deliverySla);
    }
    return variables;
  }

  /** What validate-order returns. */
  Map<String, Object> validation() {
    return Map.of(
        "total", total,
        "currency", "EUR",
        "totalWeightKg", totalWeightKg,
        "previousOrders", previousOrders);
  }
}
