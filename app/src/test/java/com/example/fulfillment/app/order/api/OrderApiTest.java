package com.example.fulfillment.app.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.support.EngineFaults;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.ProcessRecords;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every endpoint and status code of the orders API, on the embedded engine. */
@EmbeddedEngineTest
class OrderApiTest {

  @Autowired ZeebeTestEngine engine;
  @Autowired EngineFaults faults;
  @Autowired PaymentService payments;

  @Autowired ApiDriver api;
  ProcessRecords records;

  @BeforeEach
  void setUp() {
    records = new ProcessRecords(engine);
  }

  /** Once the engine is idle: the order has started exactly one process instance. */
  private void assertOneInstanceOf(final String orderId) throws Exception {
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(
            records.instancesOf(Processes.ORDER_FULFILLMENT).stream()
                .filter(
                    k -> records.variable(k, "orderId").orElse("").equals("\"" + orderId + "\"")))
        .hasSize(1);
  }

  @Test
  void placeAnswers202WithLocationAndTheInstanceKey() throws Exception {
    final MockHttpServletResponse response =
        api.post(
            "/api/orders",
            ApiDriver.body("c-place", "tok_ok", "SKU-1:2", "SKU-2:1"),
            "Idempotency-Key",
            "place-" + UUID.randomUUID(),
            "X-Request-Id",
            "req-place-1");

    assertThat(response.getStatus()).isEqualTo(202);
    final JsonNode body = api.json().readTree(response.getContentAsString());
    final String orderId = body.get("orderId").asText();
    assertThat(response.getHeader("Location")).isEqualTo("/api/orders/" + orderId);
    assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("false");
    assertThat(body.get("processInstanceKey").asLong()).isPositive();
    assertThat(body.get("status").asText()).isNotBlank();
    final long instance = records.awaitInstanceOf(Processes.ORDER_FULFILLMENT, orderId);
    assertThat(records.variable(instance, "correlationId")).hasValue("\"req-place-1\"");
  }

  @Test
  void getShowsLinesTotalsPaymentShipmentAndTheCurrentStep() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-1:2", "SKU-2:1");
    final JsonNode order = api.awaitStep(orderId, "AwaitDelivery");

    assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
    assertThat(order.at("/total/amount").decimalValue()).isEqualByComparingTo("39.30");
    assertThat(order.at("/total/currency").asText()).isEqualTo("EUR");
    assertThat(order.at("/lines/0/unitPrice/amount").decimalValue()).isEqualByComparingTo("14.90");
    assertThat(order.at("/payment/status").asText()).isEqualTo("CHARGED");
    assertThat(order.at("/payment/isCharged").asBoolean()).isTrue();
    assertThat(order.at("/payment/isRefunded").asBoolean()).isFalse();
    assertThat(order.at("/shipment/status").asText()).isEqualTo("SCHEDULED");
    assertThat(order.at("/process/basis").asText()).isEqualTo("ENGINE_RECORDS");
    assertThat(order.at("/process/currentSteps").findValuesAsText("elementId"))
        .containsExactlyInAnyOrder("DeliverShipment", "AwaitDelivery");
    assertThat(order.at("/process/currentSteps").findValuesAsText("elementName"))
        .contains("Deliver shipment");
    assertThat(order.at("/process/openIncidents").size()).isZero();
    assertThat(order.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void unknownOrderIs404Problem() throws Exception {
    for (String path : List.of("/api/orders/ord_nope", "/api/orders/ord_nope/timeline")) {
      final var r = api.call(get(path));
      assertThat(r.getStatus()).isEqualTo(404);
      assertThat(r.getContentType()).isEqualTo("application/problem+json");
      assertThat(r.getContentAsString()).contains("/problems/order-not-found");
    }
    final var cancel = api.call(post("/api/orders/ord_nope/cancellation"));
    assertThat(cancel.getStatus()).isEqualTo(404);
  }

  @Test
  void sameKeyAndBodyIsTheSameOrderAndAnotherBodyIs422() throws Exception {
    final String key = "same-" + UUID.randomUUID();
    final String body = ApiDriver.body("c-idem", "tok_ok", "SKU-3:1");
    final var first = api.post("/api/orders", body, "Idempotency-Key", key);
    // same request, other formatting and field order
    final String reformatted =
        "{ \"paymentToken\":\"tok_ok\", \"shippingAddress\": "
            + ApiDriver.ADDRESS
            + ", \"items\":[{\"quantity\":1,\"sku\":\"SKU-3\"}], \"customerId\":\"c-idem\", \"express\": false }";
    final var second = api.post("/api/orders", reformatted, "Idempotency-Key", key);
    final var other =
        api.post(
            "/api/orders", ApiDriver.body("c-idem", "tok_ok", "SKU-3:2"), "Idempotency-Key", key);

    assertThat(first.getStatus()).isEqualTo(202);
    assertThat(second.getStatus()).isEqualTo(202);
    assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
    final String orderId = api.json().readTree(first.getContentAsString()).get("orderId").asText();
    assertThat(api.json().readTree(second.getContentAsString()).get("orderId").asText())
        .isEqualTo(orderId);
    assertThat(other.getStatus()).isEqualTo(422);
    assertThat(other.getContentAsString()).contains("/problems/idempotency-key-reused");
    assertOneInstanceOf(orderId);
  }

  @Test
  void clientOrderIdIsIdempotentAndAConflictIs422() throws Exception {
    final String orderId = "ord_client-" + UUID.randomUUID();
    final String body =
        ApiDriver.body("c-own-id", "tok_ok", "SKU-4:1")
            .replace("{\"customerId\"", "{\"orderId\": \"" + orderId + "\", \"customerId\"");
    assertThat(api.post("/api/orders", body).getStatus()).isEqualTo(202);
    final var again = api.post("/api/orders", body);
    assertThat(again.getStatus()).isEqualTo(202);
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    final var conflict = api.post("/api/orders", body.replace("SKU-4", "SKU-5"));
    assertThat(conflict.getStatus()).isEqualTo(422);
    assertThat(conflict.getContentAsString()).contains("/problems/order-id-conflict");
  }

  @Test
  void twentyConcurrentDuplicatesMakeOneOrderOneInstanceOneCharge() throws Exception {
    final String key = "race-" + UUID.randomUUID();
    final String body = ApiDriver.body("c-race", "tok_ok", "SKU-6:1");
    final List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      calls.add(() -> api.post("/api/orders", body, "Idempotency-Key", key));
    }
    final ExecutorService pool = Executors.newFixedThreadPool(24);
    final List<String> orderIds = new ArrayList<>();
    try {
      for (Future<MockHttpServletResponse> f : pool.invokeAll(calls)) {
        assertThat(f.get().getStatus()).as(f.get().getContentAsString()).isEqualTo(202);
        orderIds.add(api.json().readTree(f.get().getContentAsString()).get("orderId").asText());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Set.copyOf(orderIds)).hasSize(1);
    final String orderId = orderIds.getFirst();
    api.awaitStep(orderId, "AwaitDelivery");
    assertOneInstanceOf(orderId);
    assertThat(payments.find(orderId).orElseThrow().capturedAmount()).isEqualByComparingTo("19.90");
  }

  @Test
  void engineDownIs503WithRetryAfterAndTheRetryHeals() throws Exception {
    final String key = "down-" + UUID.randomUUID();
    final String body = ApiDriver.body("c-down", "tok_ok", "SKU-7:1");
    final MockHttpServletResponse down;
    faults.down(true);
    try {
      down = api.post("/api/orders", body, "Idempotency-Key", key);
    } finally {
      faults.down(false);
    }
    assertThat(down.getStatus()).isEqualTo(503);
    assertThat(down.getHeader("Retry-After")).isEqualTo("5");
    assertThat(down.getContentAsString()).contains("/problems/engine-unavailable");
    final String orderId = api.json().readTree(down.getContentAsString()).get("orderId").asText();
    final JsonNode recorded = api.order(orderId);
    assertThat(recorded.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(recorded.get("processInstanceKey").isNull()).isTrue();
    assertThat(records.processInstanceOfOrder(orderId)).isEmpty();

    final var retry = api.post("/api/orders", body, "Idempotency-Key", key);
    assertThat(retry.getStatus()).isEqualTo(202);
    assertThat(api.json().readTree(retry.getContentAsString()).get("orderId").asText())
        .isEqualTo(orderId);
    api.awaitStep(orderId, "AwaitDelivery");
  }

  @Test
  void listIsPagedNewestFirstAndFiltersByStatus() throws Exception {
    final String older = api.place("tok_ok", "SKU-8:1");
    final String newer = api.place("tok_ok", "SKU-8:1");
    final JsonNode page =
        api.json().readTree(api.call(get("/api/orders?size=2&page=0")).getContentAsString());
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(page.at("/items/0/orderId").asText()).isEqualTo(newer);
    assertThat(page.at("/items/1/orderId").asText()).isEqualTo(older);

    api.awaitStatus(newer, "SHIPPED");
    final JsonNode shipped =
        api.json()
            .readTree(api.call(get("/api/orders?status=SHIPPED&size=100")).getContentAsString());
    assertThat(shipped.get("items").findValuesAsText("status")).containsOnly("SHIPPED");
    assertThat(shipped.get("items").findValuesAsText("orderId")).contains(newer);

    for (String bad : List.of("?status=LOST", "?size=0", "?size=101", "?page=-1", "?page=x")) {
      final var r = api.call(get("/api/orders" + bad));
      assertThat(r.getStatus()).as(bad).isEqualTo(400);
      assertThat(r.getContentAsString()).contains("/problems/invalid-request");
    }
  }

  @Test
  void authIsRequiredForOrderDataAndProblemsExplainIt() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-9:1");
    final var wrongKey = api.call(get("/api/orders/" + orderId).header("X-API-Key", "nope"));
    assertThat(wrongKey.getStatus()).isEqualTo(401);
    assertThat(wrongKey.getContentType()).isEqualTo("application/problem+json");
    assertThat(wrongKey.getContentAsString()).contains("/problems/unauthorized");

    final var readOnlyGet =
        api.call(
            get("/api/orders/" + orderId).header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY));
    assertThat(readOnlyGet.getStatus()).isEqualTo(200);
    final var readOnlyPost =
        api.call(
            post("/api/orders/" + orderId + "/cancellation")
                .header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY));
    assertThat(readOnlyPost.getStatus()).isEqualTo(403);
    assertThat(readOnlyPost.getContentAsString()).contains("/problems/forbidden");

    final var basic =
        api.call(
            get("/api/orders/" + orderId)
                .header("X-API-Key", ApiTestConfiguration.API_KEY)
                .with(ApiTestConfiguration.withoutApiKey())
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("api:local-dev-key".getBytes())));
    assertThat(basic.getStatus()).isEqualTo(200);
    final var badBasic =
        api.call(
            get("/api/orders/" + orderId)
                .with(ApiTestConfiguration.withoutApiKey())
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder().encodeToString("api:wrong".getBytes())));
    assertThat(badBasic.getStatus()).isEqualTo(401);
    final var none =
        api.call(get("/api/orders/" + orderId).with(ApiTestConfiguration.withoutApiKey()));
    assertThat(none.getStatus()).isEqualTo(401);
  }

  @Test
  void healthApiDocsAndSwaggerUiAreOpenAndDescribeEveryEndpoint() throws Exception {
    // open for probes, but the components and their details only for a client with a key
    final var open = api.call(get("/actuator/health").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(open.getStatus()).isEqualTo(200);
    final JsonNode status = api.json().readTree(open.getContentAsString());
    assertThat(status.path("status").asText()).isEqualTo("UP");
    assertThat(status.has("components")).as(open.getContentAsString()).isFalse();
    final var health =
        api.call(get("/actuator/health").header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY));
    assertThat(health.getStatus()).isEqualTo(200);
    final JsonNode h = api.json().readTree(health.getContentAsString());
    assertThat(h.at("/components/engine/status").asText()).isEqualTo("UP");
    assertThat(h.at("/components/engine/details/partitionsCount").asInt()).isPositive();

    final var docs = api.call(get("/v3/api-docs").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(docs.getStatus()).isEqualTo(200);
    final JsonNode d = api.json().readTree(docs.getContentAsString());
    assertThat(d.at("/paths/~1api~1orders/post/responses/202")).isNotNull();
    assertThat(d.at("/paths").fieldNames())
        .toIterable()
        .contains(
            "/api/orders",
            "/api/orders/{orderId}",
            "/api/orders/{orderId}/timeline",
            "/api/orders/{orderId}/cancellation",
            "/api/events");
    assertThat(docs.getContentAsString()).contains("examples").contains("X-API-Key");
    final var ui =
        api.call(get("/swagger-ui/index.html").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(ui.getStatus()).isEqualTo(200);
    final var prometheus =
        api.call(get("/actuator/prometheus").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(prometheus.getStatus()).isEqualTo(401);
  }

  @Test
  void wrongMethodAndAcceptAre4xxProblems() throws Exception {
    final var put =
        api.call(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/orders/x")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
    assertThat(put.getStatus()).isEqualTo(405);
    final var events = api.call(post("/api/events").contentType(MediaType.TEXT_PLAIN).content("x"));
    assertThat(events.getStatus()).isEqualTo(415);
  }
}
