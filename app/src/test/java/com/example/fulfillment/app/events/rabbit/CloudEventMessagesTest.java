package com.example.fulfillment.app.events.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.events.inbound.InvalidEventException;
import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.example.fulfillment.app.events.outbound.OutboundCloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

/**
 * CloudEvents on AMQP messages through the SDK, without a broker: both modes in, structured out.
 */
class CloudEventMessagesTest {

  final ObjectMapper json = new ObjectMapper();
  final CloudEventMessages messages = new CloudEventMessages(json, 1024);

  static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @ParameterizedTest
  @ValueSource(strings = {"cloudEvents:", "cloudEvents_", "ce-", "ce_"})
  void binaryModeIsReadInEveryHeaderForm(final String prefix) {
    final Message message =
        MessageBuilder.withBody("{\"reason\": \"3-D Secure\"}".getBytes(StandardCharsets.UTF_8))
            .setContentType("application/json")
            .setHeader(prefix + "specversion", "1.0")
            .setHeader(prefix + "id", "e1")
            .setHeader(prefix + "source", "urn:psp")
            .setHeader(prefix + "type", "com.example.payment.declined")
            .setHeader(prefix + "subject", "ord_1")
            .setHeader(prefix + "time", "2026-01-03T14:12:00Z")
            .setHeader(prefix + "traceparent", TRACEPARENT)
            .setHeader("x-attempt", 2)
            .build();

    final IncomingEvent event = messages.read(message);

    assertThat(event)
        .isEqualTo(
            new IncomingEvent(
                "1.0",
                "e1",
                "urn:psp",
                "com.example.payment.declined",
                "ord_1",
                "application/json",
                "2026-01-03T14:12:00Z",
                java.util.Map.of("reason", "3-D Secure"),
                TRACEPARENT,
                null,
                null));
  }

  @Test
  void binaryModeWithoutAnIdNamesTheAttribute() {
    final Message message =
        MessageBuilder.withBody(new byte[0])
            .setHeader("cloudEvents:specversion", "1.0")
            .setHeader("cloudEvents:source", "urn:psp")
            .setHeader("cloudEvents:type", "com.example.payment.confirmed")
            .build();

    assertThatThrownBy(() -> messages.read(message))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> assertThat(e.violations()).containsExactly(new Violation("id", "is required")));
  }

  @Test
  void aLargerMessageIsRefusedUnread() {
    final Message message =
        MessageBuilder.withBody(new byte[1025])
            .setContentType("application/cloudevents+json")
            .build();

    assertThatThrownBy(() -> messages.read(message))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("(body)", "is larger than 1024 bytes")));
  }

  @Test
  void aDomainEventGoesOutStructuredWithEveryAttributeAndItsDataVerbatim() throws Exception {
    final OutboundCloudEvent event =
        new OutboundCloudEvent(
                "ev-1",
                "urn:fulfillment:order-service",
                "com.example.order.accepted",
                "ord_1",
                Instant.parse("2026-01-03T14:12:00.120Z"),
                "req-1",
                "req-1",
                "{\"orderId\":\"ord_1\",\"total\":{\"amount\":29.80,\"currency\":\"EUR\"}}",
                URI.create(
                    "https://fulfillment.example.com/schemas/events/com.example.order.accepted/1"),
                1,
                null,
                null)
            .withTrace(TRACEPARENT, "");

    final Message message = messages.write(event);

    assertThat(message.getMessageProperties().getContentType())
        .isEqualTo("application/cloudevents+json");
    assertThat(message.getMessageProperties().getMessageId()).isEqualTo("ev-1");
    assertThat(message.getMessageProperties().getCorrelationId()).isEqualTo("req-1");
    assertThat(message.getMessageProperties().getHeaders())
        .containsEntry("traceparent", TRACEPARENT);
    final String body = new String(message.getBody(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"amount\":29.80").doesNotContain("tracestate");
    final JsonNode ce = json.readTree(body);
    assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
    assertThat(ce.path("id").asText()).isEqualTo("ev-1");
    assertThat(ce.path("source").asText()).isEqualTo("urn:fulfillment:order-service");
    assertThat(ce.path("type").asText()).isEqualTo("com.example.order.accepted");
    assertThat(ce.path("subject").asText()).isEqualTo("ord_1");
    assertThat(Instant.parse(ce.path("time").asText()))
        .isEqualTo(Instant.parse("2026-01-03T14:12:00.120Z"));
    assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(ce.path("dataschema").asText())
        .isEqualTo("https://fulfillment.example.com/schemas/events/com.example.order.accepted/1");
    assertThat(ce.path("correlationid").asText()).isEqualTo("req-1");
    assertThat(ce.path("causationid").asText()).isEqualTo("req-1");
    assertThat(ce.path("traceparent").asText()).isEqualTo(TRACEPARENT);
    assertThat(ce.at("/data/total/currency").asText()).isEqualTo("EUR");
    // and it reads back as the same event (structured mode in)
    final IncomingEvent back = messages.read(message);
    assertThat(back.id()).isEqualTo("ev-1");
    assertThat(back.traceparent()).isEqualTo(TRACEPARENT);
  }
}
