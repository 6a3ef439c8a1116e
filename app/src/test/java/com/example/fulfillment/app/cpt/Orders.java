package com.example.fulfillment.app.cpt;

import static org.awaitility.Awaitility.await;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.order.ShippingAddress;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Places orders the way the app does (the order record through the domain, then the message start
 * {@code OrderReceived} with the documented start variables, docs/process-design.md), with a
 * payment token of the test's choice (the API always pays with {@code tok_ok}).
 */
final class Orders {

  static final ShippingAddress ADDRESS =
      new ShippingAddress("Erika Mustermann", "Heidestraße 17", "Köln", "51147", "DE");

  private final OrderService orders;
  private final CamundaClient client;

  Orders(final OrderService orders, final CamundaClient client) {
    this.orders = orders;
    this.client = client;
  }

  /** Places a one-line order paid with {@code paymentToken}; returns its process instance key. */
  Placed place(final String paymentToken, final String sku, final int quantity) {
    final String orderId = "ord_cpt-" + UUID.randomUUID();
    final Order order =
        orders.place(
            new PlaceOrder(
                orderId,
                "c-cpt",
                List.of(new PlaceOrder.Line(sku, quantity)),
                paymentToken,
                ADDRESS,
                false,
                false,
                false,
                "cpt"));
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Variables.ORDER_ID, orderId);
    variables.put(Variables.CUSTOMER_ID, order.customerId());
    variables.put(
        Variables.LINES, List.of(Map.of(Variables.SKU, sku, Variables.QUANTITY, quantity)));
    variables.put(Variables.SHIPPING_COUNTRY, ADDRESS.country());
    variables.put(Variables.EXPRESS, false);
    variables.put(Variables.GIFT_WRAP, false);
    variables.put(Variables.INSURANCE, false);
    variables.put(Variables.CORRELATION_ID, "cpt");
    variables.put(Variables.PAYMENT_CONFIRMATION_TIMEOUT, "PT15M");
    variables.put(Variables.DELIVERY_SLA, "P3D");
    client
        .newPublishMessageCommand()
        .messageName(Messages.ORDER_RECEIVED)
        .correlationKey(orderId)
        .messageId(orderId)
        .variables(variables)
        .send()
        .join();
    // The validate-order worker links the order to its instance.
    final long key =
        await("process instance of " + orderId)
            .atMost(Duration.ofSeconds(30))
            .until(() -> orders.find(orderId).orElseThrow().processInstanceKey(), k -> k != null);
    return new Placed(orderId, key);
  }

  void publish(final String message, final String orderId, final Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(orderId)
        .timeToLive(Duration.ofMinutes(5))
        .variables(variables)
        .send()
        .join();
  }

  Order find(final String orderId) {
    return orders.find(orderId).orElseThrow();
  }

  record Placed(String orderId, long processInstanceKey) {
    /** The order's process instance, for CamundaAssert. */
    ProcessInstanceSelector instance() {
      return ProcessInstanceSelectors.byKey(processInstanceKey);
    }
  }
}
