package com.example.fulfillment.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.ReservationStatus;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.support.Fixture;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real workers on the in-process engine, driven by a small model that maps variables the way
 * docs/process-design.md says the real models do (multi-instance lines with lineNo = loopCounter,
 * error boundaries for the BPMN error codes). It checks the wiring the unit tests cannot: variable
 * (de)serialization, auto-completion with result records, BPMN errors, retries with backoff,
 * incidents and their resolution. The full models arrive separately.
 */
@EmbeddedEngineTest
class WorkerContractProcessTest {

  static final String PROCESS = "worker-contract-check";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired CamundaClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired OrderService orders;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;

  ProcessRecords records;

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS)
        .startEvent("Start")
        .serviceTask("ValidateOrder")
        .zeebeJobType(JobTypes.VALIDATE_ORDER)
        .boundaryEvent("Invalid")
        .error(Errors.INVALID_ORDER)
        .endEvent("RejectedInvalid")
        .moveToActivity("ValidateOrder")
        .serviceTask("ReserveLine")
        .zeebeJobType(JobTypes.RESERVE_STOCK)
        .zeebeInputExpression("loopCounter", Variables.LINE_NO)
        .zeebeInputExpression("line.sku", Variables.SKU)
        .zeebeInputExpression("line.quantity", Variables.QUANTITY)
        .zeebeInputExpression("null", Variables.RESERVATION)
        .multiInstance()
        .parallel()
        .zeebeInputCollectionExpression(Variables.LINES)
        .zeebeInputElement("line")
        .zeebeOutputCollection(Variables.RESERVATIONS)
        .zeebeOutputElementExpression(Variables.RESERVATION)
        .multiInstanceDone()
        .boundaryEvent("OutOfStock")
        .error(Errors.INSUFFICIENT_STOCK)
        .endEvent("RejectedOutOfStock")
        .moveToActivity("ReserveLine")
        .serviceTask("ChargePayment")
        .zeebeJobType(JobTypes.CHARGE_PAYMENT)
        .boundaryEvent("Declined")
        .error(Errors.PAYMENT_DECLINED)
        .endEvent("RejectedDeclined")
        .moveToActivity("ChargePayment")
        .serviceTask("CompleteOrder")
        .zeebeJobType(JobTypes.COMPLETE_ORDER)
        .endEvent("Completed")
        .done();
  }

  @BeforeEach
  void deploy() {
    records = new ProcessRecords(engine);
    client.newDeployResourceCommand().addProcessModel(model(), PROCESS + ".bpmn").send().join();
  }

  long start(final String token, final String... lines) {
    final List<PlaceOrder.Line> parsed =
        Arrays.stream(lines)
            .map(l -> new PlaceOrder.Line(l.split(":")[0], Integer.parseInt(l.split(":")[1])))
            .toList();
    final Order order =
        orders.place(
            new PlaceOrder(
                "ord_" + UUID.randomUUID(),
                "c-contract",
                parsed,
                token,
                Fixture.DEMO_ADDRESS,
                false,
                false,
                false,
                "contract-test"));
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(
            Map.of(
                Variables.ORDER_ID,
                order.orderId(),
                Variables.CUSTOMER_ID,
                order.customerId(),
                Variables.LINES,
                parsed.stream()
                    .map(l -> Map.of(Variables.SKU, l.sku(), Variables.QUANTITY, l.quantity()))
                    .toList(),
                Variables.CORRELATION_ID,
                "contract-test"))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  String orderIdOf(final long instance) {
    return records.lastVariable(instance, Variables.ORDER_ID).orElseThrow().replace("\"", "");
  }

  @Test
  void anOrderRunsThroughWithAFlakyProviderRetriedWithBackoff() {
    final long instance = start("tok_flaky", "SKU-1:2", "SKU-2:1");

    await().atMost(WAIT).until(() -> records.isCompleted(instance));

    assertThat(records.completedElements(instance))
        .contains("ValidateOrder", "ChargePayment", "Completed");
    final String orderId = orderIdOf(instance);
    final Order order = orders.find(orderId).orElseThrow();
    assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(order.processInstanceKey()).isEqualTo(instance);
    assertThat(payments.find(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.CHARGED);
    assertThat(inventory.reservations(orderId))
        .extracting(r -> r.status())
        .containsOnly(ReservationStatus.SHIPPED)
        .hasSize(2);
    assertThat(records.lastVariable(instance, Variables.RESERVATIONS))
        .hasValueSatisfying(
            json -> assertThat(json).contains("\"lineNo\":1", "\"lineNo\":2", "\"reserved\":true"));
    assertThat(records.lastVariable(instance, Variables.TOTAL)).hasValue("39.3");
    assertThat(records.lastVariable(instance, Variables.PAYMENT_STATUS)).hasValue("\"CHARGED\"");
  }

  @Test
  void aLineOutOfStockEndsInTheInsufficientStockPath() {
    final long instance = start("tok_ok", "SKU-1:1", "SKU-OUT:1");

    await().atMost(WAIT).until(() -> records.isCompleted(instance));

    assertThat(records.completedElements(instance))
        .contains("RejectedOutOfStock")
        .doesNotContain("ChargePayment");
    assertThat(inventory.reservations(orderIdOf(instance)))
        .anySatisfy(r -> assertThat(r.status()).isEqualTo(ReservationStatus.REFUSED));
  }

  @Test
  void aDeclinedPaymentEndsInThePaymentDeclinedPath() {
    final long instance = start("tok_declined", "SKU-3:1");

    await().atMost(WAIT).until(() -> records.isCompleted(instance));

    assertThat(records.completedElements(instance))
        .contains("RejectedDeclined")
        .doesNotContain("CompleteOrder");
  }

  @Test
  void anOutageEndsInAReadableIncidentAndSucceedsOnceResolved() {
    final long instance = start("tok_outage", "SKU-4:1");

    await().atMost(WAIT).until(() -> !records.incidentsCreated(instance).isEmpty());
    final Record<IncidentRecordValue> incident = records.incidentsCreated(instance).get(0);
    assertThat(incident.getValue().getElementId()).isEqualTo("ChargePayment");
    assertThat(incident.getValue().getErrorMessage())
        .startsWith("charge-payment failed, no retries left: PaymentProviderUnavailableException:");

    // what an operator does in Operate: give the job a retry, resolve the incident
    client.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getKey()).send().join();

    await().atMost(WAIT).until(() -> records.isCompleted(instance));
    assertThat(records.completedElements(instance)).contains("Completed");
    assertThat(orders.find(orderIdOf(instance)).orElseThrow().status())
        .isEqualTo(OrderStatus.COMPLETED);
  }
}
