package com.example.fulfillment.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.support.WebhookSigner;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hostile requests to the partner webhook: a bad signature, a stale or future timestamp, missing
 * headers, a tampered or oversize body, the admin key instead of a signature, a replayed message
 * id. Each is a clear 4xx problem, nothing is correlated (no inbound message, the order still
 * waits), and nothing is lost: the valid message sent afterwards is taken, and a message refused
 * for its content may be re-sent under the same id.
 */
@EmbeddedEngineTest
class WebhookSecurityTest {

  static final String OTHER_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("not-our-secret-not-ours".getBytes());

  @Autowired MockMvc mvc;
  @Autowired ApiDriver api;
  @Autowired JdbcClient jdbc;

  record Refused(String name, MockHttpServletRequestBuilder request, int status, String says) {}

  private MockHttpServletRequestBuilder event(final String body, final Map<String, String> signed) {
    // after the default signature is taken off (post-processors run after the headers are set)
    return post("/api/events")
        .with(WebhookSigner.unsigned())
        .with(ApiTestConfiguration.withoutApiKey())
        .with(
            request -> {
              signed.forEach(request::addHeader);
              return request;
            })
        .contentType("application/cloudevents+json")
        .content(body);
  }

  private MockHttpServletResponse send(final MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private long inbound(final String eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE message_id = :id")
        .param("id", eventId)
        .query(Long.class)
        .single();
  }

  @Test
  void hostileWebhookRequestsAreRefusedAndCorrelateNothing() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-4:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "evt-" + UUID.randomUUID();
    final String body = api.cloudEvent(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, null);
    final long now = Instant.now().getEpochSecond();
    final String id = "msg_" + UUID.randomUUID();
    final Map<String, String> valid =
        WebhookSigner.headers(WebhookSigner.LOCAL_SECRET, id, now, body);

    final Map<String, String> missing = new java.util.LinkedHashMap<>(valid);
    missing.remove("webhook-signature");
    final Refused[] cases = {
      new Refused(
          "signed with another secret",
          event(body, WebhookSigner.headers(OTHER_SECRET, id, now, body)),
          401,
          "matches none of our secrets"),
      new Refused(
          "tampered body",
          event(body.replace(orderId, orderId + "x"), valid),
          401,
          "matches none of our secrets"),
      new Refused(
          "stale timestamp",
          event(body, WebhookSigner.headers(WebhookSigner.LOCAL_SECRET, id, now - 360, body)),
          401,
          "old (replay window)"),
      new Refused(
          "future timestamp",
          event(body, WebhookSigner.headers(WebhookSigner.LOCAL_SECRET, id, now + 360, body)),
          401,
          "in the future"),
      new Refused("missing signature header", event(body, missing), 401, "carries all of"),
      new Refused(
          "the admin key instead of a signature",
          event(body, Map.of("X-API-Key", ApiTestConfiguration.API_KEY)),
          401,
          "API keys do not reach this endpoint"),
      new Refused(
          "oversize body",
          event(
              body.replace("}", ", \"pad\": \"" + "x".repeat(70_000) + "\"}"),
              WebhookSigner.headers(body)),
          413,
          "body-too-large"),
    };
    for (Refused c : cases) {
      final var response = send(c.request());
      assertThat(response.getStatus()).as(c.name()).isEqualTo(c.status());
      assertThat(response.getContentType()).as(c.name()).isEqualTo("application/problem+json");
      assertThat(response.getContentAsString()).as(c.name()).contains(c.says());
      assertThat(inbound(eventId)).as(c.name() + ": nothing correlated").isZero();
    }
    assertThat(api.order(orderId).path("status").asText())
        .isEqualTo("AWAITING_PAYMENT_CONFIRMATION");

    // nothing lost: the valid message, after all those refusals, is taken and moves the order
    final var accepted = send(event(body, valid));
    assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
    assertThat(accepted.getContentAsString()).contains("ACCEPTED");
    assertThat(inbound(eventId)).isOne();

    // the same message again (a replay within the window): 409, no second effect
    final var replayed = send(event(body, valid));
    assertThat(replayed.getStatus()).isEqualTo(409);
    assertThat(replayed.getContentType()).isEqualTo("application/problem+json");
    assertThat(replayed.getContentAsString()).contains("/problems/webhook-replayed").contains(id);
    assertThat(inbound(eventId)).isOne();
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  @Test
  void aMessageRefusedForItsContentMayBeSentAgainUnderTheSameId() throws Exception {
    final String id = "msg_" + UUID.randomUUID();
    final String eventId = "evt-" + UUID.randomUUID();
    final long now = Instant.now().getEpochSecond();
    // the order is not known yet: 422, and the webhook-id is not remembered
    final String early =
        api.cloudEvent(eventId, EventTypes.PAYMENT_CONFIRMED, "ord_unknown_" + eventId, null);
    final var refused =
        send(event(early, WebhookSigner.headers(WebhookSigner.LOCAL_SECRET, id, now, early)));
    assertThat(refused.getStatus()).isEqualTo(422);

    final String orderId = api.place("tok_confirm", "SKU-4:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String fixed = api.cloudEvent(eventId, EventTypes.PAYMENT_CONFIRMED, orderId, null);
    final var taken =
        send(event(fixed, WebhookSigner.headers(WebhookSigner.LOCAL_SECRET, id, now, fixed)));
    assertThat(taken.getStatus()).as(taken.getContentAsString()).isEqualTo(202);
    assertThat(inbound(eventId)).isOne();
  }
}
