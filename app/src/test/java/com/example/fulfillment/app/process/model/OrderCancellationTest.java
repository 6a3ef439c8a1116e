package com.example.fulfillment.app.process.model;

import static com.example.fulfillment.app.process.model.TestOrder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OrderCancelled interrupts the order wherever it is and compensates exactly the completed steps,
 * one at a time, newest first: shipment, then payment, then stock.
 */
class OrderCancellationTest extends OrderModelTest {

  private static final String[] HANDLERS = {"CancelShipment", "RefundPayment", "ReleaseLine"};

  @Test
  void cancelledBeforePaymentReleasesTheStockOnly() {
    final TestOrder order = order().lines(2);
    final long pi = driver.placeAndReserve(order);
    jobs.activate(JobTypes.CHARGE_PAYMENT, pi); // the charge is running when the customer cancels

    cancel(order);

    assertThat(driver.releaseLines(pi, 2)).containsExactlyInAnyOrder(1, 2);
    assertCancelled(pi, order);
    // ChargePayment was terminated, not completed: it is not compensated
    assertThat(records.terminatedElements(pi)).contains("ChargePayment");
    assertThat(records.activatedElements(pi)).doesNotContain("RefundPayment", "CancelShipment");
  }

  @Test
  void cancelledAfterPaymentRefundsThenReleases() {
    final TestOrder order = order().lines(2);
    final long pi = driver.placeAndReserve(order);
    driver.charge(pi);
    records.awaitActivated(pi, "PickAndPack");

    cancel(order);

    jobs.complete(expectOnlyHandlerNow(pi, "RefundPayment"), Map.of("refundedAmount", 100));
    assertThat(driver.releaseLines(pi, 2)).containsExactlyInAnyOrder(1, 2);
    assertCancelled(pi, order);
    assertThat(records.lifecycle(pi, HANDLERS))
        .containsExactly(
            "ACTIVATED RefundPayment",
            "COMPLETED RefundPayment",
            "ACTIVATED ReleaseLine", // multi-instance body
            "ACTIVATED ReleaseLine",
            "ACTIVATED ReleaseLine",
            "COMPLETED ReleaseLine",
            "COMPLETED ReleaseLine",
            "COMPLETED ReleaseLine");
    assertThat(records.terminatedElements(pi)).contains("PickAndPack", "GenerateInvoice");
  }

  @Test
  void cancelledDuringDeliveryCancelsShipmentThenRefundsThenReleases() {
    final TestOrder order = order().lines(1);
    final long pi = driver.placeAndReserve(order);
    final long shipping = driver.chargeAndShip(pi, order);

    cancel(order);

    final ActivatedJob cancelShipment = expectOnlyHandlerNow(pi, "CancelShipment");
    assertThat(cancelShipment.getVariablesAsMap()).contains(entry("orderId", order.orderId));
    jobs.complete(cancelShipment, Map.of());
    jobs.complete(expectOnlyHandlerNow(pi, "RefundPayment"), Map.of("refundedAmount", 100));
    assertThat(driver.releaseLines(pi, 1)).containsExactly(1);
    assertCancelled(pi, order);

    assertThat(records.lifecycle(pi, HANDLERS))
        .containsExactly(
            "ACTIVATED CancelShipment",
            "COMPLETED CancelShipment",
            "ACTIVATED RefundPayment",
            "COMPLETED RefundPayment",
            "ACTIVATED ReleaseLine",
            "ACTIVATED ReleaseLine",
            "COMPLETED ReleaseLine",
            "COMPLETED ReleaseLine");
    assertThat(records.terminatedElements(pi)).contains("DeliverShipment");
    assertThat(records.isTerminated(shipping)).as("the shipping instance is terminated").isTrue();
  }

  @Test
  void cancelledBeforeAnythingWasDoneCompensatesNothing() {
    final TestOrder order = order();
    final long pi = driver.place(order);
    records.awaitActivated(pi, "ValidateOrder");

    cancel(order);

    assertCancelled(pi, order);
    assertThat(records.activatedElements(pi)).doesNotContain(HANDLERS);
    assertThat(records.completedElements(pi))
        .containsSubsequence(
            "OrderCancelled",
            "CancelUndoShipment",
            "CancelUndoPayment",
            "CancelUndoStock",
            "CancelOrder");
  }

  // ---- helpers ---------------------------------------------------------------------------

  private void cancel(final TestOrder order) {
    driver.publish(Messages.ORDER_CANCELLED, order.orderId, Map.of());
  }

  /** Activates the handler's job and checks that no other handler runs at the same time. */
  private ActivatedJob expectOnlyHandlerNow(final long pi, final String handler) {
    final String type =
        switch (handler) {
          case "CancelShipment" -> JobTypes.CANCEL_SHIPMENT;
          case "RefundPayment" -> JobTypes.REFUND_PAYMENT;
          default -> JobTypes.RELEASE_STOCK;
        };
    final ActivatedJob job = jobs.activate(type, pi);
    engine.waitForIdleState();
    final List<String> others =
        records.activatedElements(pi).stream()
            .filter(List.of(HANDLERS)::contains)
            .filter(id -> !id.equals(handler))
            .filter(id -> !records.hasCompleted(pi, id))
            .toList();
    assertThat(others).as("other handlers running while %s runs", handler).isEmpty();
    return job;
  }

  private void assertCancelled(final long pi, final TestOrder order) {
    final ActivatedJob cancelOrder = jobs.complete(JobTypes.CANCEL_ORDER, pi, Map.of());
    assertThat(cancelOrder.getVariablesAsMap()).contains(entry("orderId", order.orderId));
    records.awaitProcessCompleted(pi);
    assertThat(records.hasCompleted(pi, "OrderCancelledEnd")).isTrue();
    assertThat(records.variable(pi, "outcome")).contains("\"CANCELLED\"");
    assertThat(records.completedElements(pi))
        .doesNotContain("OrderFulfilled", "OrderRejected", "CompleteOrder");
  }
}
