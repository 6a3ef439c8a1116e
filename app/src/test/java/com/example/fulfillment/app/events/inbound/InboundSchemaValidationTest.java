package com.example.fulfillment.app.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The data of every inbound event against the JSON Schema of its type and version: a violation is
 * 400 problem+json with its JSON Pointer, and nothing reaches the order.
 */
@EmbeddedEngineTest
class InboundSchemaValidationTest {

  private static final String SCHEMAS = "https://partner.example.com/schemas/events/";

  @Autowired ApiDriver api;
  @Autowired InboundMessages messages;

  @Test
  void aFieldOfTheWrongTypeIs400WithItsPointer() throws Exception {
    final var response =
        send(
            EventTypes.SHIPMENT_DELIVERED,
            "ord_1",
            null,
            Map.of("deliveredAt", 5, "orderId", 42),
            "wrong-type-" + UUID.randomUUID());
    assertThat(errors(response, 400)).containsKeys("/data/deliveredAt", "/data/orderId");
  }

  @Test
  void aMissingRequiredFieldIs400WithItsPointer() throws Exception {
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            "ord_1",
            SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/2",
            Map.of("amount", "24.50", "currency", "EUR"),
            "missing-" + UUID.randomUUID());
    final Map<String, String> errors = errors(response, 400);
    assertThat(errors).containsOnlyKeys("/data/pspReference");
    assertThat(errors.get("/data/pspReference")).contains("pspReference");
  }

  @Test
  void anUnknownVersionIs400() throws Exception {
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            "ord_1",
            SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/7",
            Map.of(),
            "v7-" + UUID.randomUUID());
    assertThat(errors(response, 400))
        .containsEntry("dataschema", "unknown schema version 7 of " + EventTypes.PAYMENT_CONFIRMED);
  }

  @Test
  void aDataSchemaOfAnotherTypeIs400() throws Exception {
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            "ord_1",
            SCHEMAS + EventTypes.PAYMENT_DECLINED + "/1",
            Map.of(),
            "other-" + UUID.randomUUID());
    assertThat(errors(response, 400).get("dataschema"))
        .contains("another type", EventTypes.PAYMENT_DECLINED);
  }

  @Test
  void aV2PayloadUnderAV1DataSchemaPassesV1() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-6:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/1",
            Map.of("amount", "24.50", "currency", "EUR", "pspReference", "psp-1"),
            "v2-as-v1-" + UUID.randomUUID());
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  @Test
  void aV1PayloadUnderAV2DataSchemaIsRefusedAndNothingIsCorrelated() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-6:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "v1-as-v2-" + UUID.randomUUID();
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/2",
            Map.of("orderId", orderId),
            eventId);
    assertThat(errors(response, 400))
        .containsOnlyKeys("/data/amount", "/data/currency", "/data/pspReference");
    assertThat(messages.find(eventId)).isEmpty();
    // still waiting for the confirmation: the refused event was not relayed
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
  }

  private MockHttpServletResponse send(
      final String type,
      final String subject,
      final String dataSchema,
      final Map<String, ?> data,
      final String id)
      throws Exception {
    final Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", id);
    event.put("source", "urn:test");
    event.put("type", type);
    event.put("subject", subject);
    if (dataSchema != null) {
      event.put("dataschema", dataSchema);
    }
    event.put("data", data);
    return api.call(
        post("/api/events")
            .contentType(IncomingCloudEvents.MEDIA_TYPE)
            .content(api.json().writeValueAsString(event)));
  }

  /** The problem's errors, field to message, after checking status and media type. */
  private Map<String, String> errors(final MockHttpServletResponse response, final int status)
      throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    final JsonNode problem = api.json().readTree(response.getContentAsString());
    final Map<String, String> errors = new LinkedHashMap<>();
    for (JsonNode error : problem.path("errors")) {
      errors.put(error.path("field").asText(), error.path("message").asText());
    }
    assertThat(errors).as(response.getContentAsString()).isNotEmpty();
    return errors;
  }
}
