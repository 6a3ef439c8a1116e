package com.example.fulfillment.app.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ElementSelectors.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.Reservation;
import com.example.fulfillment.inventory.ReservationStatus;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Outcomes;
import com.example.fulfillment.process.ProcessConstants.RejectionReasons;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main order paths with the real app (models, job workers, domain) on a real Camunda 8.8
 * engine, asserted with Camunda Process Test: the instance's path by element id, its variables, and
 * what the workers did to stock and money. Needs Docker ({@link RequiresDocker}).
 */
@ProcessTestWithApp
class OrderFulfillmentProcessTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired OrderService orderService;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;

  private Orders orders;

  @BeforeAll
  static void patience() {
    // the first test also waits for the container's engine to warm up
    CamundaAssert.setAssertionTimeout(Duration.ofSeconds(30));
  }

  @BeforeEach
  void setUp() {
    orders = new Orders(orderService, client);
  }

  @Test
  void happyPath() {
    final Orders.Placed order = orders.place("tok_ok", "SKU-1", 2);
    final ProcessInstanceSelector instance = order.instance();

    assertThat(instance)
        .hasActiveElements(byId("DeliverShipment"))
        .hasVariable(Variables.PAYMENT_STATUS, "CHARGED");
    assertThat(ProcessInstanceSelectors.byParentProcessInstanceKey(order.processInstanceKey()))
        .isWaitingForMessage(Messages.SHIPMENT_DELIVERED, order.orderId());

    orders.publish(
        Messages.SHIPMENT_DELIVERED,
        order.orderId(),
        Map.of(Variables.DELIVERED_AT, "2026-11-30T10:00:00Z"));

    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            byId("ValidateOrder"),
            byId("AssessRisk"),
            byId("ReserveStock"),
            byId("ChargePayment"),
            byId("CreateShipment"),
            byId("DeliverShipment"),
            byId("CompleteOrder"),
            byId("NotifyCustomer"),
            byId("OrderFulfilled"))
        .hasNotActivatedElements(byId("RejectOrder"), byId("CancelOrder"))
        .hasVariable(Variables.OUTCOME, Outcomes.COMPLETED)
        .hasNoActiveIncidents();
    assertDomainLeft(
        order, OrderStatus.COMPLETED, ReservationStatus.SHIPPED, PaymentStatus.CHARGED);
  }

  @Test
  void paymentDeclined() {
    final Orders.Placed order = orders.place("tok_declined", "SKU-2", 1);

    assertThat(order.instance())
        .isCompleted()
        .hasCompletedElements(
            byId("ChargeDeclined"), byId("UndoStock"), byId("RejectOrder"), byId("OrderRejected"))
        .hasNotActivatedElements(byId("CreateShipment"), byId("RefundPayment"))
        .hasVariable(Variables.OUTCOME, Outcomes.REJECTED)
        .hasVariable(Variables.REJECTION_REASON, RejectionReasons.PAYMENT_DECLINED);
    assertDomainLeft(
        order, OrderStatus.REJECTED, ReservationStatus.RELEASED, PaymentStatus.DECLINED);
  }

  @Test
  void cancellationWhileInDeliveryUndoesEverything() {
    final Orders.Placed order = orders.place("tok_ok", "SKU-3", 1);
    final ProcessInstanceSelector instance = order.instance();
    assertThat(instance).hasActiveElements(byId("DeliverShipment"));

    orders.publish(Messages.ORDER_CANCELLED, order.orderId(), Map.of());

    assertThat(instance)
        .isCompleted()
        .hasTerminatedElements(byId("DeliverShipment"))
        .hasCompletedElementsInOrder(
            byId("CancelUndoShipment"),
            byId("CancelUndoPayment"),
            byId("CancelUndoStock"),
            byId("CancelOrder"),
            byId("OrderCancelledEnd"))
        .hasCompletedElements(byId("CancelShipment"), byId("RefundPayment"), byId("ReleaseLine"))
        .hasVariable(Variables.OUTCOME, Outcomes.CANCELLED);
    assertDomainLeft(
        order, OrderStatus.CANCELLED, ReservationStatus.RELEASED, PaymentStatus.REFUNDED);
  }

  @Test
  void unconfirmedPaymentTimesOutWithTheEnginesClockMovedForward() {
    final Orders.Placed order = orders.place("tok_confirm", "SKU-4", 1);
    final ProcessInstanceSelector instance = order.instance();
    assertThat(instance)
        .hasActiveElements(byId("AwaitPaymentConfirmation"))
        .isWaitingForMessage(Messages.PAYMENT_CONFIRMED, order.orderId())
        .hasVariable(Variables.PAYMENT_STATUS, "PENDING_CONFIRMATION");

    // paymentConfirmationTimeout is PT15M: no waiting, move the engine's clock
    processTestContext.increaseTime(Duration.ofMinutes(16));

    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(
            byId("PaymentTimeout"), byId("RefundPayment"), byId("ReleaseLine"), byId("RejectOrder"))
        .hasNotActivatedElements(byId("CapturePayment"), byId("CreateShipment"))
        .hasVariable(Variables.REJECTION_REASON, RejectionReasons.PAYMENT_TIMEOUT);
    assertThat(payments.find(order.orderId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.VOIDED);
  }

  @Test
  void lateDeliveryIsEscalatedAndTheDeliveryGoesOn() {
    final Orders.Placed order = orders.place("tok_ok", "SKU-6", 1);
    final ProcessInstanceSelector instance = order.instance();
    assertThat(instance).hasActiveElements(byId("DeliverShipment"));

    // deliverySla is P3D (non-interrupting timer on the call activity)
    processTestContext.increaseTime(Duration.ofDays(3).plusHours(1));

    assertThat(instance)
        .hasCompletedElements(byId("EscalateLateDelivery"), byId("LateDeliveryEscalated"))
        .hasActiveElements(byId("DeliverShipment"));
    orders.publish(Messages.SHIPMENT_DELIVERED, order.orderId(), Map.of());
    assertThat(instance).isCompleted().hasVariable(Variables.OUTCOME, Outcomes.COMPLETED);
  }

  /** What the workers left in the domain: the order's status, its one line's stock, its payment. */
  private void assertDomainLeft(
      final Orders.Placed order,
      final OrderStatus status,
      final ReservationStatus reservation,
      final PaymentStatus payment) {
    assertThat(orders.find(order.orderId()).status()).isEqualTo(status);
    assertThat(inventory.reservations(order.orderId()))
        .extracting(Reservation::status)
        .containsExactly(reservation);
    assertThat(payments.find(order.orderId()).orElseThrow().status()).isEqualTo(payment);
  }
}
