package com.example.fulfillment.order.jdbc;

import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEventTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each event type in each version: the shapes of the JSON Schemas in the
 * contracts module ({@code schemas/events/<type>/<version>.json}; docs/events.md). The outbound
 * contract test validates what this writes against them, and the relay does on every publish.
 * Deliberately no payment token, address or personal data beyond the customer id.
 */
final class OrderEventData {

  private OrderEventData() {}

  /**
   * The data of {@code event} in {@code version}.
   *
   * @throws IllegalArgumentException for a version of the type that does not exist
   */
  static Map<String, Object> of(final OrderEvent event, final int version) {
    if (version < 1 || version > OrderEventTypes.LATEST_VERSION.get(event.type())) {
      throw new IllegalArgumentException(
          "no version " + version + " of " + event.type() + " (see the contracts module)");
    }
    final Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", event.orderId());
    switch (event) {
      case OrderEvent.Accepted a -> {
        data.put("customerId", a.customerId());
        data.put("total", money(a.total(), a.currency()));
        data.put("lines", a.lines().stream().map(l -> acceptedLine(l, a.currency())).toList());
        data.put("express", a.express());
        data.put("giftWrap", a.giftWrap());
        data.put("insurance", a.insurance());
        data.put("shippingCountry", a.shippingCountry());
      }
      case OrderEvent.Paid p -> {
        data.put("amount", money(p.amount(), p.currency()));
        data.put("chargeId", p.chargeId());
        data.put("afterConfirmation", p.afterConfirmation());
      }
      case OrderEvent.Shipped s -> {
        data.put("shipmentId", s.shipmentId());
        data.put("trackingNumber", s.trackingNumber());
        data.put("shippingMethod", s.shippingMethod());
        data.put("carrier", s.carrier());
        data.put("estimatedDelivery", text(s.estimatedDelivery()));
      }
      case OrderEvent.Completed c -> {
        data.put("customerId", c.customerId());
        if (version == 1) {
          data.put("total", money(c.total(), c.currency()));
        } else {
          // the money split (gross = v1's total, tax included) and the lines
          data.put("net", money(c.total().subtract(c.tax()), c.currency()));
          data.put("tax", money(c.tax(), c.currency()));
          data.put("gross", money(c.total(), c.currency()));
          data.put("lines", completedLines(c.lines(), c.currency()));
        }
      }
      case OrderEvent.Rejected r -> {
        data.put("customerId", r.customerId());
        data.put("reason", r.reason() == null ? null : r.reason().name());
        data.put("detail", r.detail());
      }
      case OrderEvent.Cancelled c -> {
        data.put("customerId", c.customerId());
        data.put("previousStatus", c.previousStatus().name());
      }
    }
    return data;
  }

  private static Map<String, Object> acceptedLine(
      final OrderEvent.Line line, final String currency) {
    final Map<String, Object> json = new LinkedHashMap<>();
    json.put("sku", line.sku());
    json.put("quantity", line.quantity());
    json.put("lineTotal", money(line.lineTotal(), currency));
    return json;
  }

  private static List<Map<String, Object>> completedLines(
      final List<OrderEvent.Line> lines, final String currency) {
    return lines.stream()
        .map(
            line -> {
              final Map<String, Object> json = new LinkedHashMap<>();
              json.put("sku", line.sku());
              json.put("quantity", line.quantity());
              json.put("unitPrice", money(line.unitPrice(), currency));
              json.put("lineTotal", money(line.lineTotal(), currency));
              return json;
            })
        .toList();
  }

  private static Map<String, Object> money(final BigDecimal amount, final String currency) {
    final Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", amount);
    money.put("currency", currency);
    return money;
  }

  private static String text(final Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
