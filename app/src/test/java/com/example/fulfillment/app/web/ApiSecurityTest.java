package com.example.fulfillment.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.support.TestTokens;
import com.example.fulfillment.app.support.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Authorities per path for every way in: API keys, HTTP basic and JWT bearer tokens (the OAuth2
 * resource server with a locally generated key, {@link TestTokens}); the rate limit in the chain;
 * health details only for authorized callers; no credential in the OpenAPI document.
 */
@EmbeddedEngineTest
class ApiSecurityTest {

  @Autowired MockMvc mvc;
  @Autowired ApiDriver api;
  @Autowired ApiRateLimits rateLimits;

  final ObjectMapper json = new ObjectMapper();

  private MockHttpServletResponse call(final RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private static String bearer(final String token) {
    return "Bearer " + token;
  }

  /** A GET with an Authorization header only (no API key). */
  private MockHttpServletResponse getWith(final String path, final String authorization)
      throws Exception {
    return call(
        get(path)
            .with(ApiTestConfiguration.withoutApiKey())
            .header("Authorization", authorization));
  }

  private MockHttpServletResponse placeWith(final String authorization) throws Exception {
    return call(
        post("/api/orders")
            .with(ApiTestConfiguration.withoutApiKey())
            .header("Authorization", authorization)
            .header("Idempotency-Key", "jwt-" + UUID.randomUUID())
            .contentType(MediaType.APPLICATION_JSON)
            .content(ApiDriver.body("c-jwt", "tok_ok", "SKU-3:1")));
  }

  @Test
  void jwtScopesGrantTheSameAuthoritiesAsTheKeys() throws Exception {
    final var tokens = ApiTestConfiguration.TOKENS;
    final String orderId = api.place("tok_ok", "SKU-3:1");

    // orders:read reads, but may not write
    final String reader = bearer(tokens.token("reporting", "orders:read"));
    assertThat(getWith("/api/orders/" + orderId, reader).getStatus()).isEqualTo(200);
    final var readerPlaces = placeWith(reader);
    assertThat(readerPlaces.getStatus()).isEqualTo(403);
    assertThat(readerPlaces.getContentType()).isEqualTo("application/problem+json");

    // orders:write places an order; it is not admin
    final String writer = bearer(tokens.token("shop", "orders:write"));
    assertThat(placeWith(writer).getStatus()).isEqualTo(202);
    assertThat(getWith("/api/admin/dead-letters", writer).getStatus()).isEqualTo(403);

    // admin reaches the operators' endpoints
    final String admin = bearer(tokens.token("ops", "admin"));
    assertThat(getWith("/api/admin/dead-letters", admin).getStatus()).isEqualTo(200);

    // a token of an untrusted issuer, or an expired one: 401 problem
    for (String bad :
        new String[] {
          TestTokens.untrusted("shop", "orders:read"), tokens.expired("shop", "orders:read")
        }) {
      final var refused = getWith("/api/orders/" + orderId, bearer(bad));
      assertThat(refused.getStatus()).isEqualTo(401);
      assertThat(refused.getContentAsString()).contains("/problems/unauthorized");
    }
  }

  @Test
  void keysMapToScopesAndNoKeyOrTokenReachesTheWebhook() throws Exception {
    // the read-only key is orders:read only: no admin endpoint
    final var readOnlyAdmin =
        call(
            get("/api/admin/dead-letters").header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY));
    assertThat(readOnlyAdmin.getStatus()).isEqualTo(403);
    // nor the process instance operations (migration, modification)
    for (String path :
        new String[] {"/api/admin/migrations", "/api/admin/orders/ord_x/modification"}) {
      final var readOnlyPost =
          call(
              post(path)
                  .header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY)
                  .contentType("application/json")
                  .content("{}"));
      assertThat(readOnlyPost.getStatus()).as(path).isEqualTo(403);
    }

    final String event =
        api.cloudEvent("evt-" + UUID.randomUUID(), "com.example.payment.confirmed", "ord_x", null);
    // the full key (admin) and an events:publish token do not authenticate /api/events
    final var withKey =
        call(
            post("/api/events")
                .with(WebhookSigner.unsigned())
                .header("X-API-Key", ApiTestConfiguration.API_KEY)
                .contentType("application/cloudevents+json")
                .content(event));
    assertThat(withKey.getStatus()).isEqualTo(401);
    assertThat(withKey.getContentAsString()).contains("webhook-signature");
    final var withToken =
        call(
            post("/api/events")
                .with(WebhookSigner.unsigned())
                .with(ApiTestConfiguration.withoutApiKey())
                .header(
                    "Authorization",
                    bearer(ApiTestConfiguration.TOKENS.token("partner", "events:publish")))
                .contentType("application/cloudevents+json")
                .content(event));
    assertThat(withToken.getStatus()).isEqualTo(401);
  }

  @Test
  void theSandboxPaymentConfirmationIsAnAdminControlWithOneEffect() throws Exception {
    final String orderId = api.place("tok_confirm", "SKU-5:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String path = "/api/admin/sandbox/orders/" + orderId + "/payment-confirmation";
    assertThat(call(post(path).header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY)).getStatus())
        .isEqualTo(403);
    final var first = call(post(path));
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(202);
    assertThat(json.readTree(first.getContentAsString()).path("result").asText())
        .isEqualTo("ACCEPTED");
    // a second click: the same event id, no second effect
    assertThat(json.readTree(call(post(path)).getContentAsString()).path("result").asText())
        .isEqualTo("DUPLICATE");
    api.awaitStatus(orderId, "PAID", "PACKED", "SHIPPED");
  }

  @Test
  void aClientOverItsRateLimitGets429WithRetryAfter() throws Exception {
    final String client = "burst-" + UUID.randomUUID();
    final String token = bearer(ApiTestConfiguration.TOKENS.token(client, "orders:read"));
    final var first = getWith("/api/orders", token);
    assertThat(first.getStatus()).isEqualTo(200);
    // this client's permits used up (1000 per second by default: faster than sending them)
    rateLimits.of(client).drainPermissions();
    final var refused = getWith("/api/orders", token);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString()).contains("/problems/rate-limited");
    // other clients are not affected
    assertThat(call(get("/api/orders")).getStatus()).isEqualTo(200);
  }

  @Test
  void healthDetailsOnlyForAuthorizedCallers() throws Exception {
    final var anonymous = call(get("/actuator/health").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(anonymous.getStatus()).isEqualTo(200);
    final JsonNode open = json.readTree(anonymous.getContentAsString());
    assertThat(open.path("status").asText()).isEqualTo("UP");
    assertThat(open.has("components")).isFalse();
    final var admin =
        getWith("/actuator/health", bearer(ApiTestConfiguration.TOKENS.token("ops", "admin")));
    assertThat(json.readTree(admin.getContentAsString()).at("/components/engine/status").asText())
        .isEqualTo("UP");
    // the readiness probe stays open
    assertThat(
            call(get("/actuator/health/readiness").with(ApiTestConfiguration.withoutApiKey()))
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentCarriesNoKeyOrSecret(
      @Autowired final SecurityProperties keys, @Autowired final WebhookProperties webhook)
      throws Exception {
    final String docs =
        call(get("/v3/api-docs").with(ApiTestConfiguration.withoutApiKey())).getContentAsString();
    assertThat(docs).contains("/api/orders");
    assertThat(docs).doesNotContain(keys.apiKey()).doesNotContain(keys.readOnlyApiKey());
    for (String secret : webhook.secrets()) {
      assertThat(docs).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
    }
  }
}
