package com.example.fulfillment.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.support.EngineMessages;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The CloudEvents webhook: both HTTP modes, deduplication, and every refusal. */
@EmbeddedEngineTest
class EventIngressTest {

  @Autowired MockMvc mvc;
  @Autowired ZeebeTestEngine engine;
  @Autowired InboundMessages messages;

  @Autowired ApiDriver api;

  @Test
  void binaryModeConfirmsAPayment() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-6:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final var response =
        mvc.perform(
                post("/api/events")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("ce-specversion", "1.0")
                    .header("ce-id", "bin-" + UUID.randomUUID())
                    .header("ce-source", "urn:psp")
                    .header("ce-type", "com.example.payment.confirmed")
                    .header("ce-subject", orderId)
                    .content("{\"authorization\": \"ok\"}"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
    assertThat(response.getContentAsString())
        .contains("\"result\":\"ACCEPTED\"", "PaymentConfirmed");
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  @Test
  void tenCopiesOfOneEventHaveOneEffect() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-7:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "dup-" + UUID.randomUUID();
    final List<Callable<MockHttpServletResponse>> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sends.add(() -> api.sendEvent(eventId, "com.example.payment.confirmed", orderId, null));
    }
    final ExecutorService pool = Executors.newFixedThreadPool(10);
    final List<String> results = new ArrayList<>();
    try {
      for (var f : pool.invokeAll(sends)) {
        assertThat(f.get().getStatus()).as(f.get().getContentAsString()).isEqualTo(202);
        results.add(api.json().readTree(f.get().getContentAsString()).get("result").asText());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(results).containsOnlyOnce("ACCEPTED").contains("DUPLICATE");
    api.awaitStep(orderId, "AwaitDelivery");
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(EngineMessages.published(engine, eventId)).hasSize(1);
    assertThat(
            api.timeline(orderId).get("events").findValuesAsText("messageName").stream()
                .filter("PaymentConfirmed"::equals))
        .hasSize(2); // published once by the API, correlated once by the engine
    assertThat(messages.find(eventId).orElseThrow().publishedAt()).isNotNull();
  }

  @Test
  void deliveredEventMarksTheOrderDeliveredAndCarriesDeliveredAt() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-8:1");
    api.awaitStep(orderId, "AwaitDelivery");
    api.sendNewEvent(
        "com.example.shipment.delivered",
        null,
        Map.of("orderId", orderId, "deliveredAt", "2026-01-03T14:12:00Z"));
    final var order = api.awaitStatus(orderId, "COMPLETED");
    assertThat(order.at("/shipment/deliveredAt").asText()).isEqualTo("2026-01-03T14:12:00Z");
    final long instance = new ProcessRecords(engine).processInstanceOfOrder(orderId).orElseThrow();
    assertThat(new ProcessRecords(engine).lastVariable(instance, "deliveredAt"))
        .hasValue("\"2026-01-03T14:12:00Z\"");
    // an event for an order that has ended is accepted and ignored
    assertThat(
            api.sendNewEvent("com.example.payment.confirmed", orderId, null).getContentAsString())
        .contains("IGNORED");
  }

  @Test
  void eventForAnUnknownOrderIs422() throws Exception {
    final var response =
        api.sendEvent(
            "x-" + UUID.randomUUID(), "com.example.payment.confirmed", "ord_unknown", null);
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("/problems/unknown-order");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON                 | application/cloudevents+json | {                                                                             | 400
          array                    | application/cloudevents+json | []                                                                            | 400
          no specversion           | application/cloudevents+json | {"id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o"} | 400
          wrong specversion        | application/cloudevents+json | {"specversion": "0.3", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o"} | 400
          no id                    | application/cloudevents+json | {"specversion": "1.0", "source": "s", "type": "com.example.payment.confirmed", "subject": "o"} | 400
          no source                | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "type": "com.example.payment.confirmed", "subject": "o"} | 400
          unknown type             | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.refund", "subject": "o"} | 400
          no order                 | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed"} | 400
          subject and data differ  | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "a", "data": {"orderId": "b"}} | 400
          id is a number           | application/cloudevents+json | {"specversion": "1.0", "id": 1, "source": "s", "type": "com.example.payment.confirmed", "subject": "o"} | 400
          bad attribute name       | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o", "Bad-Name": "x"} | 400
          data_base64              | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o", "data_base64": "eA=="} | 400
          data not an object       | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o", "data": [1]} | 400
          bad deliveredAt          | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.shipment.delivered", "subject": "o", "data": {"deliveredAt": "yesterday"}} | 400
          reason not text          | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.declined", "subject": "o", "data": {"reason": 5}} | 400
          bad time                 | application/cloudevents+json | {"specversion": "1.0", "id": "e1", "source": "s", "type": "com.example.payment.confirmed", "subject": "o", "time": "noon"} | 400
          binary without headers   | application/json             | {"orderId": "o"}                                                              | 400
          text/plain               | text/plain                   | hello                                                                         | 415
          xml                      | application/xml              | <e/>                                                                          | 415
          """)
  void invalidEventsAreRefused(
      final String name, final String contentType, final String body, final int status)
      throws Exception {
    final var response =
        mvc.perform(post("/api/events").contentType(contentType).content(body))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
  }
}
