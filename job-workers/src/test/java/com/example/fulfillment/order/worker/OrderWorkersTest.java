package com.example.fulfillment.order.worker;

import static com.example.fulfillment.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.fulfillment.inventory.ReserveLine;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Outcomes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.support.Concurrently;
import com.example.fulfillment.support.FixtureTest;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderWorkersTest extends FixtureTest {

  final OrderWorkers workers = new OrderWorkers(f.orders, f.closing, f.jobs);

  @Test
  void validateOrderLinksTheInstanceAndOutputsTheFigures() {
    final Order order =
        f.placeFor("c-" + java.util.UUID.randomUUID(), "tok_ok", "SKU-1:2", "SKU-20:1");

    final var out =
        workers.validateOrder(job(JobTypes.VALIDATE_ORDER, order.orderId()), order.orderId());

    assertThat(out.total()).isEqualByComparingTo("2919.80");
    assertThat(out.currency()).isEqualTo("EUR");
    assertThat(out.totalWeightKg()).isEqualByComparingTo("54.0");
    assertThat(out.previousOrders()).isZero();
    assertThat(f.orders.find(order.orderId()).orElseThrow().processInstanceKey()).isEqualTo(4711L);
    assertThat(f.linked).extracting(Order::orderId).contains(order.orderId());
    // a second job (a redelivery with a new key) answers the same
    assertThat(
            workers.validateOrder(job(JobTypes.VALIDATE_ORDER, order.orderId()), order.orderId()))
        .isEqualTo(out);
  }

  @Test
  void anUnknownOrderIsABpmnErrorInvalidOrder() {
    final BpmnError error =
        catchThrowableOfType(
            BpmnError.class,
            () ->
                workers.validateOrder(job(JobTypes.VALIDATE_ORDER, "ord_unknown"), "ord_unknown"));

    assertThat(error.getErrorCode()).isEqualTo(Errors.INVALID_ORDER);
    assertThat(error.getErrorMessage()).isEqualTo("no order with id ord_unknown");
    assertThat(error.getVariables())
        .isEqualTo(Map.of(Variables.REJECTION_DETAIL, "no order with id ord_unknown"));
  }

  @Test
  void rejectOrderRecordsReasonAndDetail() {
    final Order order = f.place("tok_declined", "SKU-1:1");

    final var out =
        workers.rejectOrder(
            job(JobTypes.REJECT_ORDER, order.orderId()),
            new OrderWorkers.Rejection(order.orderId(), "PAYMENT_DECLINED", "card declined"));

    assertThat(out).isEqualTo(new OrderWorkers.OutcomeOutput(Outcomes.REJECTED));
    final Order rejected = f.orders.find(order.orderId()).orElseThrow();
    assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.PAYMENT_DECLINED);
    assertThat(rejected.rejectionDetail()).isEqualTo("card declined");
  }

  @Test
  void anUnknownRejectionReasonIsATechnicalFailure() {
    final Order order = f.place("tok_ok", "SKU-1:1");
    final JobError error =
        catchThrowableOfType(
            JobError.class,
            () ->
                workers.rejectOrder(
                    job(JobTypes.REJECT_ORDER, order.orderId()),
                    new OrderWorkers.Rejection(order.orderId(), "BECAUSE", null)));
    assertThat(error.getRetries()).isEqualTo(2);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.RECEIVED);
  }

  @Test
  void completeOrderTwiceAndConcurrentlyShipsTheStockOnce() {
    final Order order = f.place("tok_ok", "SKU-19:2");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-19", 2));
    final int shippedBefore = f.stock().get("SKU-19").shipped();
    final ActivatedJob sameJob = job(JobTypes.COMPLETE_ORDER, order.orderId());

    final List<OrderWorkers.OutcomeOutput> outcomes =
        Concurrently.run(
            10,
            i ->
                workers.completeOrder(
                    i % 2 == 0 ? sameJob : job(JobTypes.COMPLETE_ORDER, order.orderId()),
                    order.orderId()));

    assertThat(new HashSet<>(outcomes))
        .containsExactly(new OrderWorkers.OutcomeOutput(Outcomes.COMPLETED));
    assertThat(f.stock().get("SKU-19").shipped()).isEqualTo(shippedBefore + 2);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  void cancelOrderEndsTheOrderOnce() {
    final Order order = f.place("tok_ok", "SKU-1:1");
    assertThat(workers.cancelOrder(job(JobTypes.CANCEL_ORDER, order.orderId()), order.orderId()))
        .isEqualTo(new OrderWorkers.OutcomeOutput(Outcomes.CANCELLED));
    assertThat(workers.cancelOrder(job(JobTypes.CANCEL_ORDER, order.orderId()), order.orderId()))
        .isEqualTo(new OrderWorkers.OutcomeOutput(Outcomes.CANCELLED));
    final JobError error =
        catchThrowableOfType(
            JobError.class,
            () ->
                workers.completeOrder(
                    job(JobTypes.COMPLETE_ORDER, order.orderId()), order.orderId()));
    assertThat(error.getMessage()).contains("ended as CANCELLED");
    assertThat(f.orders.find(order.orderId()).orElseThrow().total())
        .isEqualByComparingTo(new BigDecimal("14.90"));
  }
}
