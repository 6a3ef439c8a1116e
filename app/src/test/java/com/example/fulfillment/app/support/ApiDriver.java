package com.example.fulfillment.app.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Drives the API like a client: place orders, read them, send CloudEvents, wait for a status. */
public final class ApiDriver {

  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String ADDRESS =
      "{\"name\": \"Erika Mustermann\", \"street\": \"Heidestraße 17\", \"city\": \"Köln\","
          + " \"postalCode\": \"51147\", \"country\": \"DE\"}";

  private final MockMvc mvc;
  private final ObjectMapper json = new ObjectMapper();

  public ApiDriver(final MockMvc mvc) {
    this.mvc = mvc;
  }

  /** An order body: {@code lines} like "SKU-1:2". */
  public static String body(final String customerId, final String token, final String... lines) {
    final String items =
        String.join(
            ", ",
            Arrays.stream(lines)
                .map(
                    l ->
                        "{\"sku\": \""
                            + l.split(":")[0]
                            + "\", \"quantity\": "
                            + l.split(":")[1]
                            + "}")
                .toList());
    return "{\"customerId\": \""
        + customerId
        + "\", \"items\": ["
        + items
        + "], \"paymentToken\": \""
        + token
        + "\", \"shippingAddress\": "
        + ADDRESS
        + "}";
  }

  public MockHttpServletResponse post(final String path, final String body, final String... headers)
      throws Exception {
    final var request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** Places an order and returns its id (asserts 202). */
  public String place(final String token, final String... lines) throws Exception {
    final MockHttpServletResponse response =
        post(
            "/api/orders",
            body("c-" + UUID.randomUUID().toString().substring(0, 8), token, lines),
            "Idempotency-Key",
            "k-" + UUID.randomUUID());
    if (response.getStatus() != 202) {
      throw new AssertionError(
          "POST /api/orders: " + response.getStatus() + " " + response.getContentAsString());
    }
    return json.readTree(response.getContentAsString()).get("orderId").asText();
  }

  public JsonNode order(final String orderId) throws Exception {
    return read(mvc.perform(get("/api/orders/" + orderId)).andReturn().getResponse());
  }

  public JsonNode timeline(final String orderId) throws Exception {
    return read(mvc.perform(get("/api/orders/" + orderId + "/timeline")).andReturn().getResponse());
  }

  /** The events of the order's timeline, each a JSON object. */
  public List<JsonNode> timelineEvents(final String orderId) throws Exception {
    return events(timeline(orderId));
  }

  /** The timeline's events once {@code elementId} is on it (the timeline follows the engine). */
  public List<JsonNode> awaitTimelineEvents(final String orderId, final String elementId) {
    return events(
        await()
            .atMost(WAIT)
            .until(
                () -> timeline(orderId),
                t -> t.get("events").findValuesAsText("elementId").contains(elementId)));
  }

  private List<JsonNode> events(final JsonNode timeline) {
    return json.convertValue(timeline.get("events"), new TypeReference<List<JsonNode>>() {});
  }

  private JsonNode read(final MockHttpServletResponse response) throws Exception {
    if (response.getStatus() != 200) {
      throw new AssertionError(response.getStatus() + " " + response.getContentAsString());
    }
    return json.readTree(response.getContentAsString());
  }

  /** Waits until the order has one of the statuses and returns it. */
  public JsonNode awaitStatus(final String orderId, final String... statuses) {
    final Set<String> wanted = Set.of(statuses);
    return await(orderId + " in " + wanted)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> order(orderId), o -> wanted.contains(o.get("status").asText()));
  }

  /** Places a {@code tok_confirm} order and waits until it awaits the payment confirmation. */
  public String placeAwaitingConfirmation(final String sku) throws Exception {
    final String orderId = place("tok_confirm", sku + ":1");
    awaitStep(orderId, "AwaitPaymentConfirmation");
    return orderId;
  }

  /** Waits until the order's process is at {@code elementId} (an active step). */
  public JsonNode awaitStep(final String orderId, final String elementId) {
    return await(orderId + " at " + elementId)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> order(orderId),
            o -> o.at("/process/currentSteps").findValuesAsText("elementId").contains(elementId));
  }

  /** A structured-mode CloudEvent. */
  public String cloudEvent(
      final String id, final String type, final String subject, final Map<String, ?> data)
      throws Exception {
    return cloudEvent(id, type, subject, data, null);
  }

  /** A structured-mode CloudEvent naming the schema of its data (null: none, version 1). */
  public String cloudEvent(
      final String id,
      final String type,
      final String subject,
      final Map<String, ?> data,
      final String dataSchema)
      throws Exception {
    final Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", "urn:test");
    event.put("type", type);
    if (subject != null) {
      event.put("subject", subject);
    }
    if (dataSchema != null) {
      event.put("dataschema", dataSchema);
    }
    if (data != null) {
      event.put("data", data);
    }
    return json.writeValueAsString(event);
  }

  public MockHttpServletResponse sendEvent(
      final String id, final String type, final String orderId, final Map<String, ?> data)
      throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/events")
                .contentType("application/cloudevents+json")
                .content(cloudEvent(id, type, orderId, data)))
        .andReturn()
        .getResponse();
  }

  /** Sends an event with a fresh id and asserts that it is accepted (202). */
  public MockHttpServletResponse sendNewEvent(
      final String type, final String orderId, final Map<String, ?> data) throws Exception {
    final var response = sendEvent("evt-" + UUID.randomUUID(), type, orderId, data);
    if (response.getStatus() != 202) {
      throw new AssertionError(
          type + ": " + response.getStatus() + " " + response.getContentAsString());
    }
    return response;
  }

  /** Reports the delivery of the order (asserts 202). */
  public void delivered(final String orderId) throws Exception {
    awaitStep(orderId, "AwaitDelivery");
    sendNewEvent("com.example.shipment.delivered", orderId, Map.of());
  }

  /** The response to any request (with the local key unless the request removes or sets one). */
  public MockHttpServletResponse call(final RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  public ObjectMapper json() {
    return json;
  }

  public static List<String> values(final JsonNode node, final String field) {
    return node.findValuesAsText(field);
  }
}
