package com.example.fulfillment.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.order.OrderService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Process;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration and repair of running orders on the embedded engine (issue 18), through the admin API,
 * in an app of its own: its tests deploy older model versions, which would change what every other
 * test on the shared engine starts. Each test deploys the versions it needs, so the versions its
 * orders run on hold no other test's instances; the bundled model is the latest again at the end of
 * each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationAndRepairTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String V1 = "versions/order-fulfillment/1.bpmn";
  private static final String V2 = "bpmn/order-fulfillment.bpmn";

  private final ObjectMapper json = new ObjectMapper();
  private RunningApp app;

  @BeforeAll
  void start() {
    // the sandbox carrier off: orders wait in delivery until the test reports it
    app = RunningApp.start("", Map.of("fulfillment.sandbox.carrier.delivery-delay", "0"));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void ordersWaitingForPaymentAndDeliveryMoveToV2AndCompleteThereChargedOnce() throws Exception {
    final Process v1 = deploy(V1);
    final String paying = app.placeAccepted("tok_confirm", "SKU-7", 1);
    final String delivering = app.placeAccepted("tok_ok", "SKU-8", 2);
    awaitStep(paying, "AwaitPaymentConfirmation");
    awaitStep(delivering, "AwaitDelivery");
    final long payingInstance = instanceOf(paying);
    final long deliveringInstance = instanceOf(delivering);
    assertThat(versions().activeInstance(payingInstance).orElseThrow().processDefinitionKey())
        .isEqualTo(v1.getProcessDefinitionKey());
    final Process v2 = deploy(V2);
    assertThat(v2.getVersion()).isGreaterThan(v1.getVersion());

    final Map<String, Object> plan =
        plan(
            v1.getProcessDefinitionKey(),
            "targetVersion",
            v2.getVersion(),
            mapping("AwaitPaymentConfirmation", "AwaitPaymentConfirmation"),
            mapping("DeliverShipment", "DeliverShipment"),
            // message catch events whose subscriptions move with the instance (the engine wants
            // them mapped): the cancellation event subprocess's start, the gateway's messages
            mapping("OrderCancelled", "OrderCancelled"),
            mapping("PaymentConfirmed", "PaymentConfirmed"),
            mapping("PaymentDeclined", "PaymentDeclined"));

    // dry run, every active instance of v1 (the default): both would move, nothing moved
    final JsonNode dry = migrate(plan, 200);
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.at("/source/version").asInt()).isEqualTo(v1.getVersion());
    assertThat(dry.at("/target/key").asLong()).isEqualTo(v2.getProcessDefinitionKey());
    assertThat(dry.at("/target/versionTag").asText()).isEqualTo("2");
    assertThat(results(dry))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(paying, "WOULD_MIGRATE", delivering, "WOULD_MIGRATE"));
    assertThat(dry.at("/counts/WOULD_MIGRATE").asInt()).isEqualTo(2);
    assertThat(versions().activeInstance(payingInstance).orElseThrow().version())
        .isEqualTo(v1.getVersion());

    plan.put("dryRun", false);
    final JsonNode real = migrate(plan, 200);
    assertThat(results(real))
        .as(real.toString())
        .containsExactlyInAnyOrderEntriesOf(Map.of(paying, "MIGRATED", delivering, "MIGRATED"));
    assertThat(real.at("/counts/MIGRATED").asInt()).isEqualTo(2);
    for (long instance : List.of(payingInstance, deliveringInstance)) {
      await()
          .atMost(WAIT)
          .until(
              () -> versions().activeInstance(instance).orElseThrow().processDefinitionKey(),
              key -> key == v2.getProcessDefinitionKey());
    }
    assertThat(versions().activeInstance(payingInstance).orElseThrow().elements())
        .extracting(ProcessVersions.ActiveElement::elementId)
        .containsExactly("AwaitPaymentConfirmation");

    // the orders go on, on v2
    assertThat(
            app.postJson("/api/admin/sandbox/orders/" + paying + "/payment-confirmation", "")
                .status())
        .isEqualTo(202);
    awaitStep(paying, "AwaitDelivery");
    delivered(paying);
    delivered(delivering);
    for (String orderId : List.of(paying, delivering)) {
      final JsonNode order = awaitStatus(orderId, "COMPLETED");
      assertThat(order.at("/payment/status").asText()).isEqualTo("CHARGED");
      final List<JsonNode> events = awaitTimeline(orderId, "OrderFulfilled");
      final int migrated = indexOf(events, "PROCESS_MIGRATED", null);
      assertThat(migrated).as("PROCESS_MIGRATED on the timeline of " + orderId).isNotNegative();
      assertThat(events.get(migrated).get("source").asText()).isEqualTo("APP");
      assertThat(events.get(migrated).get("detail").asText())
          .isEqualTo(
              "order-fulfillment version "
                  + v1.getVersion()
                  + " → "
                  + v2.getVersion()
                  + " (versionTag 1 → 2)");
      assertThat(indexOf(events, "ELEMENT_COMPLETED", "OrderFulfilled")).isGreaterThan(migrated);
      // charged once: one charge request reached the provider, one capture, nothing refunded
      assertThat(bookCount(orderId, "sandbox_payment_attempt", "attempts", "CHARGE")).isEqualTo(1);
      assertThat(bookCount(orderId, "sandbox_payment_operation", "COUNT(*)", "REFUND")).isZero();
    }
    assertThat(bookCount(paying, "sandbox_payment_operation", "COUNT(*)", "CAPTURE")).isEqualTo(1);
    final List<JsonNode> payingEvents = timeline(paying);
    assertThat(indexOf(payingEvents, "ELEMENT_COMPLETED", "CapturePayment"))
        .isGreaterThan(indexOf(payingEvents, "PROCESS_MIGRATED", null));
  }

  @Test
  void aPlanThatDoesNotFitIsRefusedWithAClearReason() throws Exception {
    final Process v1 = deploy(V1);
    final String orderId = app.placeAccepted("tok_confirm", "SKU-6", 1);
    awaitStep(orderId, "AwaitPaymentConfirmation");
    final long instance = instanceOf(orderId);
    final Process v2 = deploy(V2);

    // the waiting gateway has no mapping: the dry run says so, the engine refuses it
    final Map<String, Object> plan =
        plan(
            v1.getProcessDefinitionKey(),
            "targetProcessDefinitionKey",
            v2.getProcessDefinitionKey(),
            mapping("DeliverShipment", "DeliverShipment"),
            mapping("OrderCancelled", "OrderCancelled"));
    plan.put("processInstanceKeys", List.of(instance));
    final JsonNode dry = migrate(plan, 200);
    assertThat(dry.at("/instances/0/orderId").asText()).isEqualTo(orderId);
    assertThat(dry.at("/instances/0/result").asText()).isEqualTo("REFUSED");
    assertThat(dry.at("/instances/0/reason").asText())
        .startsWith("active element AwaitPaymentConfirmation is not mapped;");
    plan.put("dryRun", false);
    final JsonNode real = migrate(plan, 200);
    assertThat(real.at("/instances/0/result").asText()).isEqualTo("REFUSED");
    assertThat(real.at("/instances/0/reason").asText())
        .isEqualTo(
            "Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process"
                + " instance '"
                + instance
                + "' but no mapping instruction defined for active element with id"
                + " 'AwaitPaymentConfirmation'. Elements cannot be migrated without a mapping.");
    assertThat(real.at("/counts/REFUSED").asInt()).isEqualTo(1);

    // the gateway is mapped, one of the messages it waits for is not: the same again
    plan.put(
        "mappings",
        List.of(
            mapping("AwaitPaymentConfirmation", "AwaitPaymentConfirmation"),
            mapping("OrderCancelled", "OrderCancelled"),
            mapping("PaymentConfirmed", "PaymentConfirmed")));
    plan.put("dryRun", true);
    assertThat(migrate(plan, 200).at("/instances/0/reason").asText())
        .isEqualTo(
            "message catch event PaymentDeclined is not mapped, and the target waits for its"
                + " message PaymentDeclined too");
    plan.put("dryRun", false);
    assertThat(migrate(plan, 200).at("/instances/0/reason").asText())
        .contains(
            "active element with id 'AwaitPaymentConfirmation' is already subscribed to the same"
                + " message name 'PaymentDeclined'. Currently, migrating message subscriptions to"
                + " the same message name isn't supported without a mapping.");
    assertThat(versions().activeInstance(instance).orElseThrow().processDefinitionKey())
        .isEqualTo(v1.getProcessDefinitionKey());
    assertThat(kinds(orderId)).doesNotContain("PROCESS_MIGRATED");

    // a gateway mapped to a service task: 400 naming both types, before any instance is tried
    plan.put("mappings", List.of(mapping("AwaitPaymentConfirmation", "ReviewFraud")));
    final JsonNode wrongType = migrate(plan, 400);
    assertThat(wrongType.get("type").asText()).endsWith("/problems/invalid-migration");
    assertThat(wrongType.get("detail").asText())
        .isEqualTo(
            "mapped elements must have the same type: AwaitPaymentConfirmation is a"
                + " eventBasedGateway, ReviewFraud is a serviceTask");

    // an element the source does not have: 400
    plan.put("mappings", List.of(mapping("ReviewFraud", "ReviewFraud")));
    assertThat(migrate(plan, 400).get("detail").asText())
        .isEqualTo(
            "sourceElementId ReviewFraud is not an element of order-fulfillment version "
                + v1.getVersion());

    // unknown versions: 404
    plan.put("mappings", List.of(mapping("AwaitPaymentConfirmation", "AwaitPaymentConfirmation")));
    plan.put("processDefinitionKey", 42L);
    final JsonNode unknown = migrate(plan, 404);
    assertThat(unknown.get("type").asText()).endsWith("/problems/process-definition-not-found");
    plan.put("processDefinitionKey", v1.getProcessDefinitionKey());
    plan.remove("targetProcessDefinitionKey");
    plan.put("targetVersion", 999);
    assertThat(migrate(plan, 404).get("detail").asText())
        .isEqualTo("order-fulfillment has no deployed version 999");

    // the order was left as it was: it still completes
    cancel(orderId);
  }

  @Test
  void aStuckChargeIsMovedToTheRejectionWhichReleasesTheStockAndRefundsNothing() throws Exception {
    final StockLevel before = stock("SKU-9");
    final String orderId = app.placeAccepted("tok_outage", "SKU-9", 3);
    // the provider is down: the charge job fails until it ends in an incident at ChargePayment
    await()
        .atMost(WAIT)
        .until(() -> order(orderId), o -> o.at("/process/openIncidents").size() > 0);
    assertThat(stock("SKU-9").reserved()).isEqualTo(before.reserved() + 3);

    // refusals first: unknown order, an element that is not active, one the model does not have
    assertThat(
            modify("ord_unknown", "{\"terminate\":[\"ChargePayment\"]}", 404).get("type").asText())
        .endsWith("/problems/order-not-found");
    assertThat(modify(orderId, "{\"terminate\":[\"CapturePayment\"]}", 400).get("detail").asText())
        .startsWith("element CapturePayment is not active in process instance")
        .endsWith("(active: ChargePayment)");
    assertThat(
            modify(orderId, "{\"activate\":[{\"elementId\":\"NoSuchStep\"}]}", 400)
                .get("detail")
                .asText())
        .contains("NoSuchStep is not an element of order-fulfillment version");

    // what the engine refuses comes back as 422 with its reason: a boundary event cannot be
    // activated
    final JsonNode refused =
        modify(
            orderId,
            "{\"terminate\":[\"ChargePayment\"],\"activate\":[{\"elementId\":\"ChargeDeclined\"}]}",
            422);
    assertThat(refused.get("type").asText()).endsWith("/problems/modification-refused");
    assertThat(refused.get("detail").asText()).contains("'ChargeDeclined'");
    assertThat(refused.get("engineCode").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(order(orderId).at("/process/openIncidents").size()).isOne();

    final Map<String, Object> body =
        Map.of(
            "terminate",
            List.of("ChargePayment"),
            "activate",
            List.of(
                Map.of(
                    "elementId",
                    "RejectMergeCharge",
                    "variables",
                    Map.of(
                        "rejectionReason",
                        "PAYMENT_DECLINED",
                        "rejectionDetail",
                        "payment provider down: rejected by an operator"))));
    final JsonNode modified = modify(orderId, json.writeValueAsString(body), 200);
    assertThat(modified.get("orderId").asText()).isEqualTo(orderId);
    assertThat(modified.get("processInstanceKey").asLong()).isEqualTo(instanceOf(orderId));
    assertThat(modified.at("/terminated/0/elementId").asText()).isEqualTo("ChargePayment");
    assertThat(modified.at("/terminated/0/elementInstanceKey").asLong()).isPositive();
    assertThat(modified.get("activated").toString()).isEqualTo("[\"RejectMergeCharge\"]");

    final JsonNode order = awaitStatus(orderId, "REJECTED");
    assertThat(order.get("rejectionReason").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(order.get("rejectionDetail").asText())
        .isEqualTo("payment provider down: rejected by an operator");
    // compensation undid what was done (the reservation) and nothing more (no charge completed)
    assertThat(stock("SKU-9")).isEqualTo(before);
    final List<JsonNode> events = awaitTimeline(orderId, "OrderRejected");
    final int modifiedAt = indexOf(events, "PROCESS_MODIFIED", null);
    assertThat(modifiedAt).isNotNegative();
    assertThat(events.get(modifiedAt).get("detail").asText())
        .isEqualTo(
            "terminated ChargePayment; activated RejectMergeCharge (variables rejectionDetail,"
                + " rejectionReason)");
    assertThat(indexOf(events, "ELEMENT_COMPLETED", "ReleaseLine")).isGreaterThan(modifiedAt);
    assertThat(indexOf(events, "ELEMENT_TERMINATED", "ChargePayment")).isGreaterThan(modifiedAt);
    assertThat(events)
        .noneMatch(e -> "RefundPayment".equals(e.path("elementId").asText()))
        .noneMatch(
            e ->
                "ELEMENT_COMPLETED".equals(e.get("kind").asText())
                    && "ChargePayment".equals(e.path("elementId").asText()));
    assertThat(bookCount(orderId, "sandbox_payment_operation", "COUNT(*)", "CHARGE")).isZero();
    assertThat(bookCount(orderId, "sandbox_payment_operation", "COUNT(*)", "REFUND")).isZero();
    assertThat(order.at("/process/openIncidents").size()).isZero();

    // the instance has ended: nothing left to modify
    final JsonNode ended = modify(orderId, "{\"terminate\":[\"ChargePayment\"]}", 409);
    assertThat(ended.get("type").asText()).endsWith("/problems/no-active-instance");
  }

  /** Deploys the model; returns once the app knows the version (it learns it from the records). */
  private Process deploy(final String resource) {
    final Process process = deployOnly(resource);
    await()
        .atMost(WAIT)
        .until(() -> versions().definition(process.getProcessDefinitionKey()).isPresent());
    return process;
  }

  private Process deployOnly(final String resource) {
    return app
        .bean(CamundaClient.class)
        .newDeployResourceCommand()
        .addResourceFromClasspath(resource)
        .send()
        .join()
        .getProcesses()
        .stream()
        .filter(p -> p.getBpmnProcessId().equals("order-fulfillment"))
        .findFirst()
        .orElseThrow();
  }

  private ProcessVersions versions() {
    return app.bean(ProcessVersions.class);
  }

  private long instanceOf(final String orderId) {
    return app.bean(OrderService.class).find(orderId).orElseThrow().processInstanceKey();
  }

  private StockLevel stock(final String sku) {
    return app.bean(InventoryService.class).stock(sku).orElseThrow();
  }

  /** A dry-run migration request. */
  @SafeVarargs
  private static Map<String, Object> plan(
      final long source,
      final String targetField,
      final long target,
      final Map<String, String>... mappings) {
    final Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("processDefinitionKey", source);
    plan.put(targetField, target);
    plan.put("mappings", List.of(mappings));
    plan.put("dryRun", true);
    return plan;
  }

  private static Map<String, String> mapping(final String source, final String target) {
    return Map.of("sourceElementId", source, "targetElementId", target);
  }

  private JsonNode migrate(final Map<String, Object> plan, final int status) throws Exception {
    final RunningApp.Response r =
        app.postJson("/api/admin/migrations", json.writeValueAsString(plan));
    assertThat(r.status())
        .as(
            () ->
                r.body()
                    + " known: "
                    + versions().definitions().stream()
                        .map(d -> d.processDefinitionKey() + " v" + d.version())
                        .toList())
        .isEqualTo(status);
    return r.json();
  }

  private JsonNode modify(final String orderId, final String body, final int status) {
    final RunningApp.Response r =
        app.postJson("/api/admin/orders/" + orderId + "/modification", body);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }

  /** Order id → result, per instance of a migration report. */
  private static Map<String, String> results(final JsonNode report) {
    final Map<String, String> results = new LinkedHashMap<>();
    report
        .get("instances")
        .forEach(i -> results.put(i.get("orderId").asText(), i.get("result").asText()));
    return results;
  }

  private JsonNode order(final String orderId) {
    final RunningApp.Response r = app.get("/api/orders/" + orderId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<JsonNode> timeline(final String orderId) {
    final List<JsonNode> events = new ArrayList<>();
    app.get("/api/orders/" + orderId + "/timeline").json().get("events").forEach(events::add);
    return events;
  }

  private List<String> kinds(final String orderId) {
    return timeline(orderId).stream().map(e -> e.get("kind").asText()).toList();
  }

  private List<JsonNode> awaitTimeline(final String orderId, final String elementId) {
    return await()
        .atMost(WAIT)
        .until(
            () -> timeline(orderId),
            events ->
                events.stream().anyMatch(e -> elementId.equals(e.path("elementId").asText())));
  }

  /** The first event of this kind (and element, unless null), or -1. */
  private static int indexOf(
      final List<JsonNode> events, final String kind, final String elementId) {
    for (int i = 0; i < events.size(); i++) {
      final JsonNode e = events.get(i);
      if (e.get("kind").asText().equals(kind)
          && (elementId == null || elementId.equals(e.path("elementId").asText()))) {
        return i;
      }
    }
    return -1;
  }

  private JsonNode awaitStatus(final String orderId, final String... statuses) {
    final Set<String> wanted = Set.of(statuses);
    return await(orderId + " in " + wanted)
        .atMost(WAIT)
        .until(() -> order(orderId), o -> wanted.contains(o.get("status").asText()));
  }

  private void awaitStep(final String orderId, final String elementId) {
    await(orderId + " at " + elementId)
        .atMost(WAIT)
        .until(
            () -> order(orderId),
            o -> o.at("/process/currentSteps").findValuesAsText("elementId").contains(elementId));
  }

  /** The carrier reports the delivery, as its webhook would. */
  private void delivered(final String orderId) {
    awaitStep(orderId, "AwaitDelivery");
    app.bean(EventIngress.class)
        .accept(
            new IncomingEvent(
                "1.0",
                "evt-" + UUID.randomUUID(),
                "urn:test:carrier",
                EventTypes.SHIPMENT_DELIVERED,
                orderId,
                "application/json",
                Instant.now().toString(),
                Map.of()));
  }

  private void cancel(final String orderId) {
    assertThat(app.postJson("/api/orders/" + orderId + "/cancellation", "").status())
        .isEqualTo(202);
    awaitStatus(orderId, "CANCELLED");
  }

  private int bookCount(
      final String orderId, final String table, final String column, final String step) {
    final Integer n =
        app.bean(JdbcTemplate.class)
            .query(
                "SELECT " + column + " FROM " + table + " WHERE order_id = ? AND step = ?",
                rs -> rs.next() ? rs.getInt(1) : 0,
                orderId,
                step);
    return n == null ? 0 : n;
  }
}
