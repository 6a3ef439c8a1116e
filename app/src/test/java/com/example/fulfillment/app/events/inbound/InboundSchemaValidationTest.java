package com.example.fulfillment.app.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The data of every inbound event against the JSON Schema of its type and version: a violation is
 * 400 problem+json listing each violation at its JSON Pointer, and nothing reaches the order.
 */
@EmbeddedEngineTest
class InboundSchemaValidationTest {

  private static final String SCHEMAS = "https://partner.example.com/schemas/events/";
  private static final String V2 = SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/2";

  @Autowired ApiDriver api;
  @Autowired InboundMessages messages;

  /**
   * Each row: type, dataschema (empty: none), data, the fields of the violations, and a text the
   * first violation's message contains.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          wrong types      | com.example.shipment.delivered |                                    | {"deliveredAt": 5, "orderId": 42}      | /data/deliveredAt /data/orderId | integer
          not a date-time  | com.example.shipment.delivered |                                    | {"deliveredAt": "yesterday"}           | /data/deliveredAt               | date-time
          reason too long  | com.example.payment.declined   | .../com.example.payment.declined/1 | {"reason": "%501"}                     | /data/reason                    | 500
          missing required | com.example.payment.confirmed  | .../com.example.payment.confirmed/2 | {"amount": "24.50", "currency": "EUR"} | /data/pspReference              | pspReference
          unknown version  | com.example.payment.confirmed  | .../com.example.payment.confirmed/7 | {}                                     | dataschema                      | unknown schema version 7 of com.example.payment.confirmed
          another type     | com.example.payment.confirmed  | .../com.example.payment.declined/1 | {}                                     | dataschema                      | another type than com.example.payment.confirmed
          no schema path   | com.example.payment.confirmed  | https://psp.example.com/v1         | {}                                     | dataschema                      | /schemas/events/com.example.payment.confirmed/<version>
          """)
  void aViolationIs400WithItsPointer(
      final String name,
      final String type,
      final String dataSchema,
      final String data,
      final String fields,
      final String message)
      throws Exception {
    final String json = data.replace("%501", "x".repeat(501));
    final String schema = dataSchema == null ? null : dataSchema.replace(".../", SCHEMAS);
    final var response =
        send(type, "ord_1", schema, api.json().readValue(json, new TypeReference<>() {}));
    final Map<String, String> errors = errors(response);
    assertThat(errors).containsOnlyKeys(Arrays.asList(fields.split(" ")));
    assertThat(errors.values().iterator().next()).contains(message);
  }

  /**
   * A v2 payload under a v1 dataschema is checked as v2 (it carries the amount the app checks): a
   * sender cannot slip a wrong amount past the v2 check by naming v1, nor send half of v2.
   */
  @Test
  void aV2PayloadUnderAV1DataSchemaIsCheckedAsV2() throws Exception {
    final String orderId = api.placeAwaitingConfirmation("SKU-6"); // 19.90 EUR
    final String v1 = SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/1";
    final String eventId = "v2-as-v1-" + UUID.randomUUID();

    final var wrongAmount =
        send(
            eventId,
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            v1,
            Map.of("amount", "24.50", "currency", "EUR", "pspReference", "psp-1"));
    assertThat(errors(wrongAmount)).containsOnlyKeys("/data/amount");
    final var halfOfV2 =
        send(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, v1, Map.of("amount", "19.90"));
    assertThat(errors(halfOfV2))
        .containsOnlyKeys("dataschema", "/data/currency", "/data/pspReference");
    assertThat(errors(halfOfV2).get("dataschema"))
        .isEqualTo(
            "names version 1, but the data carries fields of version 2 (amount): checked as version 2");
    assertThat(messages.find(eventId)).isEmpty();
    api.awaitStep(orderId, "AwaitPaymentConfirmation");

    confirmsThePayment(orderId, v1, "19.90");
  }

  /**
   * Another field of v2 under v1 (one the app does not act on) is just unknown to v1: a tolerant
   * reader.
   */
  @Test
  void aV1EventWithAnotherV2FieldPassesAsV1() throws Exception {
    final String orderId = api.placeAwaitingConfirmation("SKU-6");
    final var response =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            SCHEMAS + EventTypes.PAYMENT_CONFIRMED + "/1",
            Map.of("pspReference", "psp-1", "note", "an unknown field"));
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  @Test
  void aV1PayloadUnderAV2DataSchemaIsRefusedAndNothingIsCorrelated() throws Exception {
    final String orderId = api.placeAwaitingConfirmation("SKU-6");
    final String eventId = "v1-as-v2-" + UUID.randomUUID();
    final var response =
        send(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, V2, Map.of("orderId", orderId));
    assertThat(errors(response))
        .containsOnlyKeys("/data/amount", "/data/currency", "/data/pspReference");
    assertThat(messages.find(eventId)).isEmpty();
    // still waiting for the confirmation: the refused event was not relayed
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
  }

  @Test
  void aV2ConfirmationOfTheChargedAmountIsAcceptedAnotherAmountIsRefused() throws Exception {
    final String orderId = api.placeAwaitingConfirmation("SKU-6"); // 19.90 EUR
    final String eventId = "v2-amount-" + UUID.randomUUID();
    final var wrong =
        send(
            eventId,
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            V2,
            Map.of("amount", "24.50", "currency", "EUR", "pspReference", "psp-7"));
    assertThat(errors(wrong))
        .containsExactly(
            Map.entry(
                "/data/amount",
                "24.50 EUR is not the charge of order " + orderId + " (19.90 EUR)"));
    assertThat(messages.find(eventId)).isEmpty();
    api.awaitStep(orderId, "AwaitPaymentConfirmation");

    confirmsThePayment(orderId, V2, "19.9");
  }

  /** A v2-shaped confirmation of {@code amount} EUR is accepted and moves the order on. */
  private void confirmsThePayment(
      final String orderId, final String dataSchema, final String amount) throws Exception {
    final var right =
        send(
            EventTypes.PAYMENT_CONFIRMED,
            orderId,
            dataSchema,
            Map.of("amount", amount, "currency", "EUR", "pspReference", "psp-7"));
    assertThat(right.getStatus()).as(right.getContentAsString()).isEqualTo(202);
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  private MockHttpServletResponse send(
      final String type, final String subject, final String dataSchema, final Map<String, ?> data)
      throws Exception {
    return send("e-" + UUID.randomUUID(), type, subject, dataSchema, data);
  }

  private MockHttpServletResponse send(
      final String eventId,
      final String type,
      final String subject,
      final String dataSchema,
      final Map<String, ?> data)
      throws Exception {
    return api.call(
        post("/api/events")
            .contentType(IncomingCloudEvents.MEDIA_TYPE)
            .content(api.cloudEvent(eventId, type, subject, data, dataSchema)));
  }

  /** The problem's errors, field to message, after checking it is a 400 problem. */
  private Map<String, String> errors(final MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    final JsonNode problem = api.json().readTree(response.getContentAsString());
    final Map<String, String> errors = new LinkedHashMap<>();
    for (JsonNode error : problem.path("errors")) {
      errors.put(error.path("field").asText(), error.path("message").asText());
    }
    return errors;
  }
}
