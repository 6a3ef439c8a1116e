package com.example.fulfillment.app.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.payment.PaymentService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Orders through the API from start to end: every payment token, out of stock, cancellation at each
 * stage (with stock and money restored), and the timeline of a completed order.
 */
@EmbeddedEngineTest
class OrderLifecycleTest {

  @Autowired MockMvc mvc;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;

  @Autowired ApiDriver api;

  @Test
  void tokOkCompletesOnceDelivered() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-10:2");
    api.delivered(orderId);
    final JsonNode order = api.awaitStatus(orderId, "COMPLETED");
    assertThat(order.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(order.at("/shipment/status").asText()).isEqualTo("DELIVERED");
    assertThat(order.at("/payment/charged/amount").decimalValue()).isEqualByComparingTo("69.80");
    // the order is COMPLETED before the process ends (NotifyCustomer and the signal come after)
    org.awaitility.Awaitility.await()
        .atMost(ApiDriver.WAIT)
        .until(() -> api.order(orderId), o -> o.at("/process/currentSteps").isEmpty());
  }

  @Test
  void tokDeclinedIsRejected() throws Exception {
    final String orderId = api.place("tok_declined", "SKU-11:1");
    final JsonNode order = awaitRejected(orderId, "PAYMENT_DECLINED");
    assertThat(order.get("rejectionDetail").asText()).contains("declined");
  }

  @Test
  void tokConfirmWaitsForThePaymentEventThenCompletes() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-12:1");
    final JsonNode waiting = api.awaitStep(orderId, "AwaitPaymentConfirmation");
    assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_PAYMENT_CONFIRMATION");
    assertThat(waiting.at("/payment/status").asText()).isEqualTo("PENDING_CONFIRMATION");

    api.sendNewEvent("com.example.payment.confirmed", orderId, null);
    api.delivered(orderId);
    final JsonNode order = api.awaitStatus(orderId, "COMPLETED");
    assertThat(order.at("/payment/status").asText()).isEqualTo("CHARGED");
  }

  @Test
  void tokConfirmWithADeclineEventIsRejectedAndVoided() throws Exception {
    final StockLevel before = stock("SKU-13");
    final String orderId = api.place("tok_confirm", "SKU-13:2");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    api.sendNewEvent(
        "com.example.payment.declined", orderId, Map.of("reason", "3-D Secure check failed"));
    final JsonNode order = awaitRejected(orderId, "PAYMENT_DECLINED");
    assertThat(order.get("rejectionDetail").asText()).isEqualTo("3-D Secure check failed");
    assertThat(order.at("/payment/status").asText()).isEqualTo("VOIDED");
    assertThat(stock("SKU-13").available()).isEqualTo(before.available());
  }

  @Test
  void tokFlakyIsRetriedAndTheRetriesShowOnTheTimeline() throws Exception {
    final String orderId = api.place("tok_flaky", "SKU-14:1");
    api.awaitStep(orderId, "AwaitDelivery");
    final List<JsonNode> failures =
        api.timelineEvents(orderId).stream()
            .filter(e -> e.get("kind").asText().equals("JOB_FAILED"))
            .toList();
    assertThat(failures).hasSize(2);
    assertThat(failures)
        .allSatisfy(
            f -> {
              assertThat(f.get("elementId").asText()).isEqualTo("ChargePayment");
              assertThat(f.get("jobType").asText()).isEqualTo("charge-payment");
            });
    assertThat(failures.get(0).get("retries").asInt()).isEqualTo(2);
    assertThat(failures.get(1).get("retries").asInt()).isEqualTo(1);
  }

  @Test
  void tokOutageEndsInAnIncidentVisibleInTheOrder() throws Exception {
    final String orderId = api.place("tok_outage", "SKU-15:1");
    final JsonNode order = awaitIncident(orderId);
    final JsonNode incident = order.at("/process/openIncidents/0");
    assertThat(incident.get("elementId").asText()).isEqualTo("ChargePayment");
    assertThat(incident.get("elementName").asText()).isEqualTo("Charge payment");
    assertThat(incident.get("message").asText()).contains("charge-payment failed");
    assertThat(order.at("/process/currentSteps").findValuesAsText("elementId"))
        .contains("ChargePayment");
  }

  @Test
  void skuOutIsRejectedOutOfStock() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-1:1", "SKU-OUT:1");
    awaitRejected(orderId, "OUT_OF_STOCK");
  }

  @Test
  void cancelBeforePaymentReleasesTheStockAndChargesNothing() throws Exception {
    final StockLevel before = stock("SKU-16");
    final String orderId = api.place("tok_outage", "SKU-16:3");
    awaitIncident(orderId);

    final JsonNode order = cancelled(orderId);
    assertThat(order.at("/process/openIncidents").size()).isZero();
    assertThat(stock("SKU-16")).isEqualTo(before);
    assertThat(payments.find(orderId).map(p -> p.capturedAmount().signum()).orElse(0)).isZero();
    cancel(orderId, 409);
  }

  @Test
  void cancelAfterPaymentAuthorizationVoidsItAndReleasesTheStock() throws Exception {
    final StockLevel before = stock("SKU-LOW");
    final String orderId = api.place("tok_confirm", "SKU-LOW:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    cancel(orderId, 202);
    // asking again changes nothing: 202 while the cancellation runs, 409 once it is done (a race
    // the engine may win: the whole compensation can end between the two requests)
    final var again = requestCancellation(orderId);
    assertThat(again.getStatus()).as(again.getContentAsString()).isIn(202, 409);
    if (again.getStatus() == 409) {
      assertThat(again.getContentAsString()).contains("is CANCELLED");
    }
    final JsonNode order = api.awaitStatus(orderId, "CANCELLED");
    assertThat(order.at("/payment/status").asText()).isEqualTo("VOIDED");
    assertThat(stock("SKU-LOW")).isEqualTo(before);
  }

  @Test
  void cancelDuringDeliveryCancelsTheShipmentRefundsAndReleases() throws Exception {
    final StockLevel before = stock("SKU-5");
    final String orderId = api.place("tok_ok", "SKU-5:2");
    api.awaitStep(orderId, "AwaitDelivery");
    final JsonNode order = cancelled(orderId);
    assertThat(order.at("/shipment/status").asText()).isEqualTo("CANCELLED");
    assertThat(order.at("/payment/status").asText()).isEqualTo("REFUNDED");
    assertThat(order.at("/payment/refunded/amount").decimalValue())
        .isEqualByComparingTo(order.at("/payment/charged/amount").decimalValue());
    assertThat(stock("SKU-5")).isEqualTo(before);
    final List<String> kinds = api.timeline(orderId).get("events").findValuesAsText("kind");
    assertThat(kinds).contains("CANCELLATION_REQUESTED", "ELEMENT_TERMINATED");
  }

  @Test
  void cancelAfterDeliveryOrCompletionIs409() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-4:1");
    api.delivered(orderId);
    api.awaitStatus(orderId, "DELIVERED", "COMPLETED");
    final var r = requestCancellation(orderId);
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("/problems/order-not-cancellable");
  }

  @Test
  void timelineOfACompletedOrderShowsItsWholePathInOrder() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-3:1", "SKU-2:2");
    api.delivered(orderId);
    api.awaitStatus(orderId, "COMPLETED");
    final List<JsonNode> events = api.awaitTimelineEvents(orderId, "OrderFulfilled");

    assertThat(events.getFirst().get("kind").asText()).isEqualTo("ORDER_PLACED");
    assertThat(events).extracting(e -> java.time.Instant.parse(e.get("at").asText())).isSorted();
    final List<String> completed =
        events.stream()
            .filter(e -> e.get("kind").asText().equals("ELEMENT_COMPLETED"))
            .map(e -> e.get("elementId").asText())
            .toList();
    assertThat(completed)
        .containsSubsequence(
            "OrderReceived",
            "ValidateOrder",
            "AssessRisk",
            "ReserveStock",
            "ChargePayment",
            "PickAndPack",
            "CreateShipment",
            "ScheduleDelivery",
            "AwaitDelivery",
            "DeliverShipment",
            "CompleteOrder",
            "NotifyCustomer",
            "OrderFulfilled");
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("elementId").asText()).isEqualTo("ValidateOrder");
              assertThat(e.get("elementName").asText()).isEqualTo("Validate order");
              assertThat(e.get("elementType").asText()).isEqualTo("SERVICE_TASK");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("MESSAGE_CORRELATED");
              assertThat(e.get("messageName").asText()).isEqualTo("ShipmentDelivered");
              assertThat(e.get("bpmnProcessId").asText()).isEqualTo("shipping");
            })
        .anySatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("MESSAGE_PUBLISHED"))
        .anySatisfy(e -> assertThat(e.get("bpmnProcessId").asText()).isEqualTo("loyalty-points"));
    assertThat(
            events.stream()
                .filter(
                    e ->
                        e.get("elementId") != null
                            && e.get("elementId").asText().equals("ReserveLine")
                            && e.get("kind").asText().equals("ELEMENT_COMPLETED")))
        .hasSize(2);
  }

  @Test
  void compensationHandlersAreMarkedOnTheTimeline() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-1:1", "SKU-OUT:1");
    api.awaitStatus(orderId, "REJECTED");
    final List<JsonNode> events = api.awaitTimelineEvents(orderId, "OrderRejected");
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("elementId").asText()).isEqualTo("ReleaseLine");
              assertThat(e.get("compensationHandler").asBoolean()).isTrue();
            });
  }

  private void cancel(final String orderId, final int status) throws Exception {
    final var r = requestCancellation(orderId);
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
  }

  /** Asks for the order's cancellation (accepted) and waits until it is done. */
  private JsonNode cancelled(final String orderId) throws Exception {
    cancel(orderId, 202);
    return api.awaitStatus(orderId, "CANCELLED");
  }

  private MockHttpServletResponse requestCancellation(final String orderId) throws Exception {
    return mvc.perform(post("/api/orders/" + orderId + "/cancellation")).andReturn().getResponse();
  }

  private JsonNode awaitRejected(final String orderId, final String reason) {
    final JsonNode order = api.awaitStatus(orderId, "REJECTED");
    assertThat(order.get("rejectionReason").asText()).isEqualTo(reason);
    return order;
  }

  private StockLevel stock(final String sku) {
    return inventory.stock(sku).orElseThrow();
  }

  /** Waits until the order shows an open incident (the outage token ends in one). */
  private JsonNode awaitIncident(final String orderId) {
    return org.awaitility.Awaitility.await()
        .atMost(ApiDriver.WAIT)
        .until(() -> api.order(orderId), o -> o.at("/process/openIncidents").size() > 0);
  }
}
