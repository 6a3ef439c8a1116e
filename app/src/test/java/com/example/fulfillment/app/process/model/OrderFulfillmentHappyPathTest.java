package com.example.fulfillment.app.process.model;

import static com.example.fulfillment.app.process.model.TestOrder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.JobStubs;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** order-fulfillment when everything goes well, with stubbed workers. */
class OrderFulfillmentHappyPathTest extends OrderModelTest {

  @Test
  void oneLineOrderRunsEveryStepInOrderToCompletion() {
    final TestOrder order = order();
    final long pi = driver.fulfil(order);

    assertThat(records.completedElements(pi))
        .containsExactly(
            "OrderReceived",
            "ValidateOrder",
            "AssessRisk",
            "ReviewFraud",
            "RiskGateway",
            "LineStart",
            "ReserveLine",
            "LineReserved",
            "ReserveStock", // the line's instance
            "ReserveStock", // the multi-instance body
            "StockGateway",
            "ChargePayment",
            "ConfirmationGateway",
            "PaymentMerge",
            "FulfilmentFork",
            "PickAndPack",
            "GenerateInvoice",
            "FulfilmentJoin",
            "ExtrasGateway",
            "ExtrasJoin",
            "CreateShipment",
            "DeliverShipment",
            "CompleteOrder",
            "NotifyCustomer",
            "OrderFulfilled");
    assertThat(records.variable(pi, "outcome")).contains("\"COMPLETED\"");
    assertThat(records.variable(pi, "riskLevel")).contains("\"LOW\"");
    assertThat(records.variable(pi, "paymentStatus")).contains("\"CHARGED\"");
  }

  @Test
  void eachTaskGetsItsInputsAndTheCallActivityReturnsOnlyItsOutputs() {
    final TestOrder order = order();
    final long pi = driver.place(order);

    assertThat(driver.validate(pi, order).getVariablesAsMap())
        .contains(entry("orderId", order.orderId));
    final ActivatedJob reserve = driver.reserveAll(pi, order).getFirst();
    assertThat(reserve.getVariablesAsMap())
        .contains(
            entry("orderId", order.orderId),
            entry("lineNo", 1),
            entry("sku", "SKU-1"),
            entry("quantity", 2));
    final Map<String, Object> charge = driver.charge(pi).getVariablesAsMap();
    assertThat(charge).contains(entry("orderId", order.orderId), entry("currency", "EUR"));
    assertThat(charge.get("total")).isEqualTo(100);
    driver.pickPackAndInvoice(pi);
    final ActivatedJob shipment = driver.createShipment(pi);
    assertThat(shipment.getVariablesAsMap()).contains(entry("orderId", order.orderId));

    final long shipping = records.awaitChildInstance(pi);
    engine.waitForIdleState();
    // the child gets exactly the call activity's input mappings
    assertThat(records.variableNames(shipping))
        .containsExactlyInAnyOrder(
            "orderId",
            "shipmentId",
            "shippingCountry",
            "totalWeightKg",
            "express",
            "total",
            "traceparent",
            "shippingMethod");
    driver.dispatch(pi);
    driver.deliver(order.orderId);
    final ActivatedJob complete = jobs.complete(JobTypes.COMPLETE_ORDER, pi);
    assertThat(complete.getVariablesAsMap()).contains(entry("orderId", order.orderId));
    final ActivatedJob notify = jobs.complete(JobTypes.NOTIFY_CUSTOMER, pi);
    assertThat(notify.getVariablesAsMap())
        .contains(
            entry("orderId", order.orderId),
            entry("customerId", "c-1"),
            entry("outcome", "COMPLETED"));
    records.awaitProcessCompleted(pi);

    // back from shipping: shippingMethod, carrier, deliveredAt, and nothing else of the child
    assertThat(records.variable(pi, "shippingMethod")).contains("\"STANDARD\"");
    assertThat(records.variable(pi, "carrier")).contains("\"carrier-" + pi + "\"");
    assertThat(records.variable(pi, "deliveredAt")).contains("\"2026-11-30T10:00:00Z\"");
    assertThat(records.variableNames(pi)).doesNotContain("estimatedDelivery");
  }

  @Test
  void taskResultsPropagateOnlyTheirMappedOutputs() {
    final TestOrder order = order();
    final long pi = driver.place(order);
    final Map<String, Object> answer = new HashMap<>(order.validation());
    answer.put("internalScore", 42);
    answer.put("orderId", "overwritten");
    jobs.complete(JobTypes.VALIDATE_ORDER, pi, answer);
    driver.review(pi);
    records.awaitActivated(pi, "ReserveStock");

    assertThat(records.variableNames(pi))
        .contains("total", "currency", "totalWeightKg", "previousOrders")
        .doesNotContain("internalScore");
    assertThat(records.variable(pi, "orderId")).contains("\"" + order.orderId + "\"");
  }

  @Test
  void severalLinesAreReservedInParallelEachInItsOwnScope() {
    final TestOrder order = order().lines(3);
    final long pi = driver.placeAndValidate(order);

    // all three reservations are open at the same time (parallel multi-instance) ...
    final List<ActivatedJob> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      open.add(jobs.activate(JobTypes.RESERVE_STOCK, pi));
    }
    assertThat(open)
        .extracting(j -> j.getVariablesAsMap().get("lineNo"), j -> j.getVariablesAsMap().get("sku"))
        .containsExactlyInAnyOrder(tuple(1, "SKU-1"), tuple(2, "SKU-2"), tuple(3, "SKU-3"));
    // ... and complete in any order without overwriting each other's reservation
    final List<ActivatedJob> reversed = new ArrayList<>(open);
    Collections.reverse(reversed);
    for (ActivatedJob job : reversed) {
      jobs.complete(job, JobStubs.reserved(job));
    }
    records.awaitActivated(pi, "ChargePayment");
    assertThat(records.variable(pi, "reservations"))
        .hasValueSatisfying(
            json ->
                assertThat(json)
                    .contains(
                        "\"lineNo\":1", "\"sku\":\"SKU-1\"", "\"lineNo\":3", "\"sku\":\"SKU-3\"")
                    .containsSubsequence("\"lineNo\":1", "\"lineNo\":2", "\"lineNo\":3"));
    assertThat(records.variableNames(pi)).doesNotContain("reservation", "lineNo", "line");

    driver.chargeAndShip(pi, order);
    driver.deliverAndComplete(pi, order);
    assertThat(records.completedElements(pi)).filteredOn("ReserveLine"::equals).hasSize(3);
    assertThat(records.variable(pi, "outcome")).contains("\"COMPLETED\"");
  }

  @Test
  void pendingPaymentIsCapturedWhenPaymentConfirmedArrives() {
    final TestOrder order = order();
    final long pi = driver.placeAndReserve(order);
    driver.charge(pi, PaymentStatuses.PENDING_CONFIRMATION);
    records.awaitActivated(pi, "AwaitPaymentConfirmation");

    driver.publish(Messages.PAYMENT_CONFIRMED, order.orderId, Map.of());
    final ActivatedJob capture = jobs.complete(JobTypes.CAPTURE_PAYMENT, pi);
    assertThat(capture.getVariablesAsMap()).contains(entry("orderId", order.orderId));
    driver.pickPackAndInvoice(pi);

    assertThat(records.completedElements(pi))
        .containsSubsequence(
            "ChargePayment",
            "ConfirmationGateway",
            "AwaitPaymentConfirmation",
            "PaymentConfirmed",
            "CapturePayment",
            "PaymentMerge")
        .doesNotContain("PaymentDeclined", "PaymentTimeout");
    assertThat(records.variable(pi, "paymentStatus")).contains("\"CHARGED\"");
  }

  @ParameterizedTest(name = "giftWrap={0}, insurance={1}")
  @CsvSource({"false, false", "true, false", "false, true", "true, true"})
  void extrasRunExactlyAsRequested(final boolean giftWrap, final boolean insurance) {
    final TestOrder order =
        order().with(o -> o.giftWrap = giftWrap).with(o -> o.insurance = insurance);
    final long pi = driver.placeAndReserve(order);
    driver.charge(pi);
    driver.pickPackAndInvoice(pi);
    driver.extras(pi, order);
    driver.createShipment(pi);

    final List<String> completed = records.completedElements(pi);
    assertThat(completed.contains("GiftWrap")).isEqualTo(giftWrap);
    assertThat(completed.contains("InsureShipment")).isEqualTo(insurance);
    assertThat(records.takenFlows(pi).contains("Flow_ExtrasGateway_ExtrasJoin"))
        .as("default flow 'no extras'")
        .isEqualTo(!giftWrap && !insurance);
    assertThat(completed).containsSubsequence("ExtrasGateway", "ExtrasJoin", "CreateShipment");
    if (giftWrap) {
      assertThat(records.variable(pi, "giftWrapped")).contains("true");
    }
    if (insurance) {
      assertThat(records.variable(pi, "insurancePolicy")).contains("\"pol-" + pi + "\"");
    }
  }

  @Test
  void orderFulfilledSignalStartsBothSubscribersWithTheOrderData() {
    final TestOrder order = order().with(o -> o.total = 250.0);
    final long pi = driver.fulfil(order);
    assertThat(records.hasCompleted(pi, "OrderFulfilled")).isTrue();

    final long loyalty = records.awaitInstanceOf(Processes.LOYALTY_POINTS, order.orderId);
    final long analytics = records.awaitInstanceOf(Processes.ORDER_ANALYTICS, order.orderId);
    // the signal carries exactly the end event's input mappings (and the order's trace context)
    assertThat(records.variableNames(loyalty))
        .containsExactlyInAnyOrder("orderId", "customerId", "total", "traceparent");
    assertThat(records.variableNames(analytics))
        .containsExactlyInAnyOrder("orderId", "customerId", "total", "traceparent");

    final ActivatedJob award =
        jobs.complete(JobTypes.AWARD_LOYALTY_POINTS, loyalty, Map.of("points", 25));
    assertThat(award.getVariablesAsMap())
        .contains(entry("orderId", order.orderId), entry("customerId", "c-1"), entry("total", 250));
    final ActivatedJob sale = jobs.complete(JobTypes.RECORD_SALE, analytics, Map.of());
    assertThat(sale.getVariablesAsMap())
        .contains(entry("orderId", order.orderId), entry("total", 250));

    records.awaitProcessCompleted(loyalty);
    records.awaitProcessCompleted(analytics);
    assertThat(records.completedElements(loyalty))
        .containsExactly("OrderFulfilled", "AwardLoyaltyPoints", "LoyaltyPointsAwarded");
    assertThat(records.completedElements(analytics))
        .containsExactly("OrderFulfilled", "RecordSale", "SaleRecorded");
    assertThat(records.variable(loyalty, "points")).contains("25");
  }

  @Test
  void eachTaskIsDoneOnceAndNothingIsCompensated() {
    final long pi = driver.fulfil(order().lines(2));
    engine.waitForIdleState();
    assertThat(records.activatedElements(pi))
        .doesNotContain(
            "ReleaseLine",
            "RefundPayment",
            "CancelShipment",
            "RejectOrder",
            "CancelOrder",
            "EscalateLateDelivery");
    for (String type :
        Set.of(JobTypes.RELEASE_STOCK, JobTypes.REFUND_PAYMENT, JobTypes.CANCEL_SHIPMENT)) {
      assertThat(jobs.isActivatable(type, pi)).as(type).isFalse();
    }
  }
}
