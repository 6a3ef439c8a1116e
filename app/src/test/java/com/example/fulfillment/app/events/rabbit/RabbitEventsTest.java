package com.example.fulfillment.app.events.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EnabledIfRabbitMq;
import com.example.fulfillment.app.support.EngineFaults;
import com.example.fulfillment.app.support.EngineMessages;
import com.example.fulfillment.app.support.EventTap;
import com.example.fulfillment.app.support.RabbitMq;
import com.example.fulfillment.app.support.SpanCapture;
import com.example.fulfillment.app.support.TestEngineSettings;
import com.example.fulfillment.contracts.EventSchemas;
import com.example.fulfillment.order.OrderEventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole app with {@code fulfillment.events.transport=rabbitmq} against the local RabbitMQ
 * (exchange and queues of this run only, deleted afterwards): domain events on the exchange,
 * partner events through the inbound queue into the engine, duplicates, dead letters with their
 * reason, retries while the engine is away, and the admin endpoints. Skipped without a broker.
 */
@EnabledIfRabbitMq
@SpringBootTest(
    // a real server: the providers' HTTP adapters call the sandboxes it serves
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fulfillment.sandbox.carrier.delivery-delay=0",
      "fulfillment.events.transport=rabbitmq",
      "fulfillment.events.outbox.poll-interval=PT0.1S",
      // eight deliveries 0.2-0.4 s apart: time to see retries (and react), quick to exhaust
      "fulfillment.events.rabbitmq.max-attempts=8",
      "fulfillment.events.rabbitmq.retry-initial=PT0.2S",
      "fulfillment.events.rabbitmq.retry-max=PT0.4S",
      "fulfillment.events.rabbitmq.unknown-order-ttl=PT0S"
    })
@TestEngineSettings
@Import(ApiTestConfiguration.class)
@AutoConfigureMockMvc
@AutoConfigureObservability // tracing on: trace context over the broker, both ways
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RabbitEventsTest {

  static final String PREFIX = RabbitMq.uniquePrefix("app");
  static final String EXCHANGE = PREFIX + ".events";
  static final String INBOUND = PREFIX + ".inbound";

  @DynamicPropertySource
  static void thisRunsNames(final DynamicPropertyRegistry registry) {
    registry.add("fulfillment.events.rabbitmq.exchange", () -> EXCHANGE);
    registry.add("fulfillment.events.rabbitmq.inbound-queue", () -> INBOUND);
    // a database of its own: the other test contexts' outboxes are not ours to relay
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:"
                + PREFIX.replace('.', '_')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  @Autowired MockMvc mvc;
  @Autowired ZeebeTestEngine engine;
  @Autowired RabbitTemplate rabbit;
  @Autowired ConnectionFactory connectionFactory;
  @Autowired AmqpAdmin admin;
  @Autowired EngineFaults faults;
  @Autowired MeterRegistry meters;
  @Autowired SimpleMessageListenerContainer inboundContainer;
  @Autowired SpanCapture spans;
  @Autowired JdbcClient jdbc;

  EventTap tap;
  @Autowired ApiDriver api;
  @Autowired InboundMessages messages;

  @BeforeAll
  void subscribe() {
    tap = EventTap.bind(connectionFactory, EXCHANGE, PREFIX + ".tap", "com.example.order.#");
  }

  @AfterAll
  void removeThisRunsTopology() {
    inboundContainer.stop();
    if (tap != null) {
      tap.close();
    }
    admin.deleteQueue(INBOUND);
    admin.deleteQueue(INBOUND + ".retry");
    admin.deleteQueue(INBOUND + ".dlq");
    admin.deleteExchange(EXCHANGE);
  }

  @BeforeEach
  void setUp() {
    faults.down(false);
  }

  // -------------------------------------------------------------------------------------------
  // Out: domain events

  @Test
  void aFulfilledOrderPublishesAcceptedPaidShippedCompletedAndTheDeliveryCameThroughTheQueue()
      throws Exception {
    final String requestId = "req-" + UUID.randomUUID();
    final MockHttpServletResponse placed =
        api.post(
            "/api/orders",
            ApiDriver.body("c-rabbit", "tok_ok", "SKU-1:2"),
            "Idempotency-Key",
            "k-" + UUID.randomUUID(),
            "X-Request-Id",
            requestId);
    assertThat(placed.getStatus()).as(placed.getContentAsString()).isEqualTo(202);
    final String orderId = api.json().readTree(placed.getContentAsString()).get("orderId").asText();
    api.awaitStep(orderId, "AwaitDelivery");

    sendStructured(
        "dlv-" + UUID.randomUUID(),
        EventTypes.SHIPMENT_DELIVERED,
        orderId,
        Map.of("deliveredAt", "2026-11-23T12:00:00Z"));

    api.awaitStatus(orderId, "COMPLETED");
    // the migration window is open by default: completed goes out in version 1 and 2
    final List<EventTap.Tapped> events =
        tap.awaitTypes(
            orderId,
            List.of(
                OrderEventTypes.ACCEPTED,
                OrderEventTypes.PAID,
                OrderEventTypes.SHIPPED,
                OrderEventTypes.COMPLETED,
                OrderEventTypes.COMPLETED));
    for (EventTap.Tapped e : events) {
      final int version = e == events.getLast() ? 2 : 1;
      final JsonNode ce = e.event();
      assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
      assertThat(ce.path("source").asText()).isEqualTo("urn:fulfillment:order-service");
      assertThat(ce.path("subject").asText()).isEqualTo(orderId);
      assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
      assertThat(ce.path("dataschema").asText()).endsWith("/" + e.type() + "/" + version);
      assertThat(Instant.parse(ce.path("time").asText())).isBefore(Instant.now().plusSeconds(1));
      assertThat(ce.path("correlationid").asText()).isEqualTo(requestId);
      assertThat(e.message().getMessageProperties().getReceivedRoutingKey())
          .isEqualTo(EventSchemas.routingKey(e.type(), version));
    }
    assertThat(events.get(0).event().path("causationid").asText())
        .as("the request placed it")
        .isEqualTo(requestId);
    assertThat(events.get(1).event().path("causationid").asText())
        .as("charge-payment's job")
        .startsWith("zeebe-job-");
    assertThat(events.get(0).event().at("/data/total/amount").decimalValue())
        .isEqualByComparingTo("29.80");
    assertThat(new String(events.get(0).message().getBody(), StandardCharsets.UTF_8))
        .as("amounts keep their 2 decimals on the wire")
        .contains("\"amount\":29.80");
    assertThat(events.get(2).event().at("/data/trackingNumber").asText()).startsWith("TRK");
    assertThat(events.get(3).event().at("/data/total/currency").asText()).isEqualTo("EUR");
    assertThat(events.get(4).event().at("/data/gross/amount").decimalValue())
        .isEqualByComparingTo("29.80");
    assertThat(events.get(4).event().at("/data/tax/amount").decimalValue())
        .isEqualByComparingTo("4.76");
    assertThat(events.get(4).event().at("/data/lines/0/unitPrice/amount").decimalValue())
        .isEqualByComparingTo("14.90");
    // CloudEvents distributed-tracing extension: every event of the order in the order's trace
    final String traceId = events.get(0).event().path("traceparent").asText().split("-")[1];
    for (EventTap.Tapped e : events) {
      assertThat(e.event().path("traceparent").asText())
          .matches("00-" + traceId + "-\\p{XDigit}{16}-01");
      assertThat(e.message().getMessageProperties().getHeaders().get("traceparent"))
          .isEqualTo(e.event().path("traceparent").asText());
    }
  }

  /**
   * Two consumers during the migration window, each with its own queue: one still on version 1
   * (bound to {@code com.example.order.*}, which no later version's routing key matches), one moved
   * to version 2 of the completed event. Each gets its version of every completed order, once, and
   * the v1 consumer gets each order's events in order.
   */
  @Test
  void duringTheMigrationWindowAV1AndAV2ConsumerEachGetTheirVersionOfEveryCompletionOnce()
      throws Exception {
    try (EventTap v1 =
            EventTap.bind(connectionFactory, EXCHANGE, PREFIX + ".v1", "com.example.order.*");
        EventTap v2 =
            EventTap.bind(
                connectionFactory,
                EXCHANGE,
                PREFIX + ".v2",
                EventSchemas.routingKey(OrderEventTypes.COMPLETED, 2))) {
      final List<String> orders = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        orders.add(api.place("tok_ok", "SKU-2:" + (i + 1)));
      }
      for (String orderId : orders) {
        api.awaitStep(orderId, "AwaitDelivery");
        api.delivered(orderId);
      }
      for (String orderId : orders) {
        api.awaitStatus(orderId, "COMPLETED");
        // every row of the order published: nothing more of it will come
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> unpublished(orderId), pending -> pending == 0);
      }

      for (String orderId : orders) {
        final List<EventTap.Tapped> old = v1.about(orderId);
        assertThat(old)
            .extracting(EventTap.Tapped::type)
            .containsExactly(
                OrderEventTypes.ACCEPTED,
                OrderEventTypes.PAID,
                OrderEventTypes.SHIPPED,
                OrderEventTypes.COMPLETED);
        assertThat(old.getLast().event().path("dataschema").asText()).endsWith("/1");
        assertThat(old.getLast().event().at("/data/total/amount").isNumber()).isTrue();

        final List<EventTap.Tapped> next = v2.about(orderId);
        assertThat(next).hasSize(1);
        assertThat(next.getFirst().type()).isEqualTo(OrderEventTypes.COMPLETED);
        assertThat(next.getFirst().event().path("dataschema").asText()).endsWith("/2");
        assertThat(next.getFirst().event().at("/data/gross/amount").decimalValue())
            .isEqualByComparingTo(old.getLast().event().at("/data/total/amount").decimalValue());
        assertThat(next.getFirst().event().path("id").asText())
            .as("one id per published message")
            .isNotEqualTo(old.getLast().event().path("id").asText());
      }
    }
  }

  private long unpublished(final String orderId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM outbox_event WHERE order_id = :id AND published_at IS NULL")
        .param("id", orderId)
        .query(Long.class)
        .single();
  }

  // -------------------------------------------------------------------------------------------
  // In: partner events

  @Test
  void aPaymentConfirmedFromTheQueueMovesATokConfirmOrderForward() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-6:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    spans.start();
    final String traceId = UUID.randomUUID().toString().replace("-", "");

    // binary mode, as in the CloudEvents AMQP binding: attributes in cloudEvents:* headers
    rabbit.send(
        EXCHANGE,
        EventTypes.PAYMENT_CONFIRMED,
        MessageBuilder.withBody("{\"authorization\": \"ok\"}".getBytes(StandardCharsets.UTF_8))
            .setContentType("application/json")
            .setHeader("cloudEvents:specversion", "1.0")
            .setHeader("cloudEvents:id", "psp-" + UUID.randomUUID())
            .setHeader("cloudEvents:source", "urn:psp:sandbox")
            .setHeader("cloudEvents:type", EventTypes.PAYMENT_CONFIRMED)
            .setHeader("cloudEvents:subject", orderId)
            .setHeader("cloudEvents:traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .build());

    api.awaitStatus(orderId, "SHIPPED");
    // the delivery continues the sender's trace: consume, then correlate within it
    final List<SpanData> trace =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> spans.trace(traceId), t -> t.size() >= 2);
    spans.stop();
    final SpanData consume =
        trace.stream()
            .filter(t -> t.getName().equals("consume " + INBOUND))
            .findFirst()
            .orElseThrow();
    assertThat(consume.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(
            trace.stream()
                .filter(t -> t.getName().equals("correlate " + EventTypes.PAYMENT_CONFIRMED))
                .findFirst()
                .orElseThrow()
                .getParentSpanId())
        .isEqualTo(consume.getSpanId());
    final List<EventTap.Tapped> events =
        tap.awaitTypes(
            orderId,
            List.of(OrderEventTypes.ACCEPTED, OrderEventTypes.PAID, OrderEventTypes.SHIPPED));
    assertThat(events.get(1).event().at("/data/afterConfirmation").asBoolean()).isTrue();
  }

  @Test
  void tenDeliveriesOfOneEventHaveOneEffect() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-7:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "dup-" + UUID.randomUUID();
    final double duplicatesBefore = inbound("duplicate");

    for (int i = 0; i < 10; i++) {
      sendStructured(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, null);
    }

    api.awaitStatus(orderId, "SHIPPED");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> inbound("duplicate") - duplicatesBefore >= 9);
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(EngineMessages.published(engine, eventId))
        .as("one message reached the engine")
        .hasSize(1);
    assertThat(inbound("duplicate") - duplicatesBefore).isEqualTo(9);
    assertThat(tap.about(orderId))
        .filteredOn(t -> t.type().equals(OrderEventTypes.PAID))
        .hasSize(1);
  }

  @Test
  void whatIsNoValidEventIsDeadLetteredAtOnceWithTheReason() throws Exception {
    final String garbage = "{not json " + UUID.randomUUID();
    sendRaw(EventTypes.PAYMENT_CONFIRMED, garbage);
    final String noId = "no-id-" + UUID.randomUUID();
    rabbit.send(
        EXCHANGE,
        EventTypes.PAYMENT_DECLINED,
        structured(null, EventTypes.PAYMENT_DECLINED, "ord_x", Map.of("note", noId)));
    final String unknownOrder = "unk-" + UUID.randomUUID();
    sendStructured(unknownOrder, EventTypes.PAYMENT_CONFIRMED, "ord_never_placed", null);

    final JsonNode malformed = awaitDeadLetter(d -> d.path("body").asText().equals(garbage));
    assertThat(malformed.path("category").asText()).isEqualTo("invalid-event");
    assertThat(malformed.path("reason").asText()).contains("not valid JSON");
    assertThat(malformed.path("attempts").asInt()).isEqualTo(1);
    assertThat(malformed.path("originalRoutingKey").asText())
        .isEqualTo(EventTypes.PAYMENT_CONFIRMED);
    assertThat(malformed.path("deadLetteredAt").asText()).isNotBlank();

    final JsonNode invalid = awaitDeadLetter(d -> d.path("body").asText().contains(noId));
    assertThat(invalid.path("category").asText()).isEqualTo("invalid-event");
    assertThat(invalid.path("reason").asText()).contains("id is required");

    final JsonNode unknown = awaitDeadLetter(d -> unknownOrder.equals(d.path("eventId").asText()));
    assertThat(unknown.path("category").asText()).isEqualTo("unknown-order");
    assertThat(unknown.path("reason").asText()).contains("ord_never_placed");
    assertThat(unknown.path("subject").asText()).isEqualTo("ord_never_placed");

    // the reason is in the message's own headers too, for tools that read the queue
    final Message raw = peekDeadLetter(garbage);
    assertThat(raw.getMessageProperties().getHeaders())
        .containsEntry(InboundHeaders.DLQ_CATEGORY, "invalid-event")
        .containsKey(InboundHeaders.DLQ_REASON)
        .containsKey(InboundHeaders.DLQ_ID);
  }

  @Test
  void anEventThatBreaksItsSchemaIsDeadLetteredWithTheViolations() throws Exception {
    final String orderId = api.placeAwaitingConfirmation("SKU-6");
    final String eventId = "v1-as-v2-" + UUID.randomUUID();
    // a version 1 payload under the version 2 dataschema: amount, currency, pspReference missing
    final String body =
        api.cloudEvent(
            eventId,
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            Map.of("note", "v1"),
            "https://psp.example.com/schemas/events/" + EventTypes.PAYMENT_CONFIRMED + "/2");
    sendRaw(EventTypes.PAYMENT_CONFIRMED, body);

    final JsonNode dead = awaitDeadLetter(d -> d.path("body").asText().contains(eventId));
    assertThat(dead.path("category").asText()).isEqualTo("invalid-event");
    assertThat(dead.path("attempts").asInt()).isEqualTo(1);
    final Message raw = peekDeadLetter(body);
    assertThat(raw).isNotNull();
    assertThat(raw.getMessageProperties().getHeaders())
        .containsEntry(InboundHeaders.DLQ_CATEGORY, "invalid-event");
    assertThat(
            String.valueOf(raw.getMessageProperties().getHeaders().get(InboundHeaders.DLQ_REASON)))
        .contains("/data/amount", "/data/currency", "/data/pspReference");
    // nothing was correlated: no message stored, the order still waits for its confirmation
    assertThat(messages.find(eventId)).isEmpty();
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
  }

  @Test
  void whileTheEngineIsAwayAnEventIsRetriedAndThenDelivered() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-8:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final double retriedBefore = inbound("retried");
    faults.down(true);
    try {
      sendStructured("eng-" + UUID.randomUUID(), EventTypes.PAYMENT_CONFIRMED, orderId, null);
      await("two failed deliveries")
          .atMost(Duration.ofSeconds(10))
          .until(() -> inbound("retried") - retriedBefore >= 2);
      assertThat(api.order(orderId).get("status").asText())
          .isEqualTo("AWAITING_PAYMENT_CONFIRMATION");
    } finally {
      faults.down(false);
    }
    api.awaitStatus(orderId, "SHIPPED");
  }

  @Test
  void anEventThatRanOutOfRetriesCanBeReDrivenOnceTheEngineIsBack() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-9:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "exh-" + UUID.randomUUID();
    final JsonNode dead;
    faults.down(true);
    try {
      sendStructured(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, null);
      dead = awaitDeadLetter(d -> eventId.equals(d.path("eventId").asText()));
    } finally {
      faults.down(false);
    }
    assertThat(dead.path("category").asText()).isEqualTo("retries-exhausted");
    assertThat(dead.path("attempts").asInt()).isEqualTo(8);
    assertThat(dead.path("reason").asText()).contains("EngineUnavailableException");

    final var redriven =
        mvc.perform(post("/api/admin/dead-letters/" + dead.path("id").asText() + "/redrive"))
            .andReturn()
            .getResponse();
    assertThat(redriven.getStatus()).as(redriven.getContentAsString()).isEqualTo(200);
    assertThat(api.json().readTree(redriven.getContentAsString()).path("redriven").asInt())
        .isEqualTo(1);

    api.awaitStatus(orderId, "SHIPPED");
    assertThat(deadLetters()).noneMatch(d -> eventId.equals(d.path("eventId").asText()));
    final var again =
        mvc.perform(post("/api/admin/dead-letters/" + dead.path("id").asText() + "/redrive"))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(404);
    assertThat(again.getContentType()).isEqualTo("application/problem+json");
    assertThat(again.getContentAsString()).contains("dead-letter-not-found");
  }

  @Test
  void reDrivingEverythingSendsItAllBackAndWhatIsStillBrokenReturns() throws Exception {
    final String garbage = "{still not json " + UUID.randomUUID();
    sendRaw(EventTypes.SHIPMENT_DELIVERED, garbage);
    awaitDeadLetter(d -> d.path("body").asText().equals(garbage));

    final var response =
        mvc.perform(post("/api/admin/dead-letters/redrive")).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    final JsonNode body = api.json().readTree(response.getContentAsString());
    assertThat(body.path("redriven").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(body.path("queue").asText()).isEqualTo(INBOUND);

    final JsonNode back =
        awaitDeadLetter(
            d -> d.path("body").asText().equals(garbage) && d.path("redriveCount").asInt() == 1);
    assertThat(back.path("category").asText()).isEqualTo("invalid-event");
  }

  @Test
  void theAdminEndpointsNeedTheFullKeyAndAnswerWithProblems() throws Exception {
    final var readOnly =
        mvc.perform(
                get("/api/admin/dead-letters")
                    .header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY))
            .andReturn()
            .getResponse();
    assertThat(readOnly.getStatus()).isEqualTo(403);
    assertThat(readOnly.getContentType()).isEqualTo("application/problem+json");
    final var anonymous =
        mvc.perform(get("/api/admin/dead-letters").with(ApiTestConfiguration.withoutApiKey()))
            .andReturn()
            .getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
    final var badLimit =
        mvc.perform(get("/api/admin/dead-letters?limit=0")).andReturn().getResponse();
    assertThat(badLimit.getStatus()).isEqualTo(400);
    assertThat(badLimit.getContentAsString()).contains("limit");
    final var list = mvc.perform(get("/api/admin/dead-letters")).andReturn().getResponse();
    assertThat(list.getStatus()).isEqualTo(200);
    final JsonNode listed = api.json().readTree(list.getContentAsString());
    assertThat(listed.path("transport").asText()).isEqualTo("rabbitmq");
    assertThat(listed.path("queue").asText()).isEqualTo(INBOUND + ".dlq");

    final var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
    assertThat(
            api.json()
                .readTree(health.getContentAsString())
                .at("/components/eventBroker/status")
                .asText())
        .isEqualTo("UP");
  }

  // -------------------------------------------------------------------------------------------

  private double inbound(final String outcome) {
    final Counter counter =
        meters.find(InboundEventConsumer.INBOUND).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private void sendStructured(
      final String id, final String type, final String orderId, final Map<String, ?> data)
      throws Exception {
    rabbit.send(EXCHANGE, type, structured(id, type, orderId, data));
  }

  private Message structured(
      final String id, final String type, final String orderId, final Map<String, ?> data)
      throws Exception {
    final String json =
        id == null
            ? api.cloudEvent("x", type, orderId, data).replace("\"id\":\"x\",", "")
            : api.cloudEvent(id, type, orderId, data);
    return structuredMessage(json);
  }

  /** Sends {@code body} as it is (valid or not) as a structured-mode CloudEvents message. */
  private void sendRaw(final String type, final String body) {
    rabbit.send(EXCHANGE, type, structuredMessage(body));
  }

  private static Message structuredMessage(final String body) {
    return MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
        .setContentType("application/cloudevents+json")
        .build();
  }

  private List<JsonNode> deadLetters() throws Exception {
    final var response =
        mvc.perform(get("/api/admin/dead-letters?limit=500")).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    final List<JsonNode> all = new java.util.ArrayList<>();
    api.json().readTree(response.getContentAsString()).path("deadLetters").forEach(all::add);
    return all;
  }

  private JsonNode awaitDeadLetter(final java.util.function.Predicate<JsonNode> which) {
    return await("dead letter")
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> deadLetters().stream().filter(which).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Reads the dead letter with this body from the queue directly (and puts it back). */
  private Message peekDeadLetter(final String body) {
    return rabbit.execute(
        channel -> {
          final List<Long> tags = new java.util.ArrayList<>();
          try {
            for (var r = channel.basicGet(INBOUND + ".dlq", false);
                r != null;
                r = channel.basicGet(INBOUND + ".dlq", false)) {
              tags.add(r.getEnvelope().getDeliveryTag());
              if (new String(r.getBody(), StandardCharsets.UTF_8).equals(body)) {
                return new Message(
                    r.getBody(),
                    new org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter()
                        .toMessageProperties(r.getProps(), r.getEnvelope(), "UTF-8"));
              }
            }
            return null;
          } finally {
            for (Long tag : tags) {
              channel.basicNack(tag, false, true);
            }
          }
        });
  }
}
