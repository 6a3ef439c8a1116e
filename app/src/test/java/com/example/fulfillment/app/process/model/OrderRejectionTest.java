package com.example.fulfillment.app.process.model;

import static com.example.fulfillment.app.process.model.TestOrder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every business refusal ends in RejectOrder with its reason, after compensating exactly what was
 * done, newest first.
 */
class OrderRejectionTest extends OrderModelTest {

  @Test
  void invalidOrderIsRejectedWithoutTouchingStockOrPayment() {
    final TestOrder order = order();
    final long pi = driver.place(order);
    jobs.throwError(
        JobTypes.VALIDATE_ORDER,
        pi,
        Errors.INVALID_ORDER,
        "unknown SKU",
        Map.of("rejectionDetail", "unknown SKU: SKU-1"));

    assertRejected(pi, "INVALID_ORDER", "unknown SKU: SKU-1");
    assertThat(records.completedElements(pi))
        .containsSubsequence(
            "OrderInvalid", "RejectMergeEarly", "UndoPayment", "UndoStock", "RejectOrder")
        .doesNotContain("AssessRisk", "ReserveStock", "ChargePayment");
    assertNothingCompensated(pi);
  }

  @Test
  void highRiskOrderIsRejectedBeforeAnyReservation() {
    final long pi = driver.placeAndValidate(order().with(o -> o.total = 6000.0));

    assertRejected(pi, "HIGH_RISK", "Fraud risk assessed as HIGH");
    assertThat(records.variable(pi, "riskLevel")).contains("\"HIGH\"");
    assertThat(records.completedElements(pi))
        .containsSubsequence(
            "AssessRisk", "RiskGateway", "HighRisk", "RejectOrder", "OrderRejected")
        .doesNotContain("ReserveStock");
    assertNothingCompensated(pi);
  }

  @Test
  void outOfStockReleasesExactlyTheReservedLines() {
    final TestOrder order = order().lines(3);
    final long pi = driver.placeAndValidate(order);
    driver.reserve(pi, order, Set.of(2));

    // one release job per reserved line, with the line's data, and no more
    final List<ActivatedJob> releases =
        List.of(
            jobs.activate(JobTypes.RELEASE_STOCK, pi), jobs.activate(JobTypes.RELEASE_STOCK, pi));
    assertThat(releases)
        .extracting(j -> j.getVariablesAsMap().get("lineNo"), j -> j.getVariablesAsMap().get("sku"))
        .containsExactlyInAnyOrder(tuple(1, "SKU-1"), tuple(3, "SKU-3"));
    assertThat(releases.getFirst().getVariablesAsMap()).contains(entry("orderId", order.orderId));
    engine.waitForIdleState();
    assertThat(jobs.isActivatable(JobTypes.RELEASE_STOCK, pi)).isFalse();
    assertThat(records.hasActivated(pi, "RejectOrder")).as("waits for the releases").isFalse();
    releases.forEach(job -> jobs.complete(job, Map.of()));

    assertRejected(pi, "OUT_OF_STOCK", "Lines not in stock: 2");
    assertThat(records.variable(pi, "reservations"))
        .hasValueSatisfying(
            json -> assertThat(json).contains("\"lineNo\":2,").contains("\"reserved\":false"));
    assertThat(records.completedElements(pi))
        .containsSubsequence(
            "LineOutOfStock", "LineNotReserved", "StockGateway", "OutOfStock", "UndoStock")
        .doesNotContain("ChargePayment", "RefundPayment");
  }

  @Test
  void declinedPaymentReleasesTheStockAndRefundsNothing() {
    final TestOrder order = order().lines(2);
    final long pi = driver.placeAndReserve(order);
    jobs.throwError(
        JobTypes.CHARGE_PAYMENT,
        pi,
        Errors.PAYMENT_DECLINED,
        "card expired",
        Map.of("rejectionDetail", "card expired"));

    assertThat(driver.releaseLines(pi, 2)).containsExactlyInAnyOrder(1, 2);
    assertRejected(pi, "PAYMENT_DECLINED", "card expired");
    assertThat(records.activatedElements(pi))
        .doesNotContain("RefundPayment", "ConfirmationGateway");
    assertThat(records.terminatedElements(pi)).contains("ChargePayment");
  }

  @Test
  void paymentDeclinedOnConfirmationRefundsThenReleases() {
    final TestOrder order = order().lines(2);
    final long pi = awaitingConfirmation(order);

    driver.publish(
        Messages.PAYMENT_DECLINED, order.orderId, Map.of("rejectionDetail", "3-D Secure failed"));

    assertRefundThenRelease(pi, order);
    assertRejected(pi, "PAYMENT_DECLINED", "3-D Secure failed");
    assertThat(records.completedElements(pi))
        .containsSubsequence("AwaitPaymentConfirmation", "PaymentDeclined", "RejectMergeDeclined")
        .doesNotContain("PaymentConfirmed", "PaymentTimeout", "CapturePayment");
  }

  @Test
  void paymentConfirmationTimeoutRefundsThenReleases() {
    final TestOrder order = order().with(o -> o.paymentConfirmationTimeout = "PT10M");
    final long pi = awaitingConfirmation(order);

    assertThat(records.awaitTimerDueAfter(pi, "PaymentTimeout")).isEqualTo(Duration.ofMinutes(10));
    engine.increaseTime(Duration.ofMinutes(10));

    assertRefundThenRelease(pi, order);
    assertRejected(pi, "PAYMENT_TIMEOUT", "Payment not confirmed in time");
    assertThat(records.completedElements(pi))
        .containsSubsequence("AwaitPaymentConfirmation", "PaymentTimeout", "RejectMergeTimeout")
        .doesNotContain("PaymentConfirmed", "PaymentDeclined");
  }

  @Test
  void paymentConfirmationTimeoutDefaultsToThirtyMinutesSinceVersion2() {
    final TestOrder order = order().with(o -> o.paymentConfirmationTimeout = null);
    final long pi = awaitingConfirmation(order);

    assertThat(records.awaitTimerDueAfter(pi, "PaymentTimeout")).isEqualTo(Duration.ofMinutes(30));
    assertThat(records.openIncidents(pi)).isEmpty();
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** An order whose payment waits for a confirmation. */
  private long awaitingConfirmation(final TestOrder order) {
    final long pi = driver.placeAndReserve(order);
    driver.charge(pi, PaymentStatuses.PENDING_CONFIRMATION);
    records.awaitActivated(pi, "AwaitPaymentConfirmation");
    return pi;
  }

  /** The refund runs first and alone; the release of every line only after it completed. */
  private void assertRefundThenRelease(final long pi, final TestOrder order) {
    final ActivatedJob refund = jobs.activate(JobTypes.REFUND_PAYMENT, pi);
    assertThat(refund.getVariablesAsMap()).contains(entry("orderId", order.orderId));
    engine.waitForIdleState();
    assertThat(records.hasActivated(pi, "ReleaseLine"))
        .as("release waits for the refund")
        .isFalse();
    jobs.complete(refund, Map.of("refundedAmount", order.total));
    assertThat(driver.releaseLines(pi, order.lines)).hasSize(order.lines);
    assertThat(records.lifecycle(pi, "RefundPayment", "ReleaseLine"))
        .startsWith("ACTIVATED RefundPayment", "COMPLETED RefundPayment", "ACTIVATED ReleaseLine");
    assertThat(records.variable(pi, "refundedAmount")).isPresent();
  }

  private void assertRejected(final long pi, final String reason, final String detail) {
    final ActivatedJob reject = jobs.activate(JobTypes.REJECT_ORDER, pi);
    assertThat(reject.getVariablesAsMap())
        .contains(entry("rejectionReason", reason), entry("rejectionDetail", detail));
    jobs.complete(reject, Map.of());
    records.awaitProcessCompleted(pi);
    assertThat(records.hasCompleted(pi, "OrderRejected")).isTrue();
    assertThat(records.variable(pi, "outcome")).contains("\"REJECTED\"");
    assertThat(records.variable(pi, "rejectionReason")).contains("\"" + reason + "\"");
  }

  private void assertNothingCompensated(final long pi) {
    assertThat(records.activatedElements(pi))
        .doesNotContain("ReleaseLine", "RefundPayment", "CancelShipment");
  }
}
