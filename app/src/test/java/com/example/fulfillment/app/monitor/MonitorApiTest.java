package com.example.fulfillment.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.web.SecurityProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monitor's endpoints: the local key offered on loopback, models, live counts, an order's
 * instances, incidents and retry.
 */
@EmbeddedEngineTest
class MonitorApiTest {

  @Autowired MockMvc mvc;

  @Autowired ApiDriver api;

  private JsonNode json(final MockHttpServletResponse response) throws Exception {
    return api.json().readTree(response.getContentAsString());
  }

  private MockHttpServletResponse call(
      final org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void thePageIsOpenWithAStrictContentSecurityPolicyAndTheDataIsNot() throws Exception {
    final var root = call(get("/").header("X-API-Key", ""));
    assertThat(root.getStatus()).isEqualTo(302);
    assertThat(root.getRedirectedUrl()).endsWith("/monitor/");

    final var page = call(get("/monitor/index.html"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("bpmn-navigated-viewer.production.min.js")
        .doesNotContain("<script>")
        .doesNotContain("style=");
    assertThat(page.getHeader("Content-Security-Policy"))
        .contains(
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'");

    final var noKey =
        mvc.perform(get("/api/monitor/stats").header("X-API-Key", "wrong"))
            .andReturn()
            .getResponse();
    assertThat(noKey.getStatus()).isEqualTo(401);
    assertThat(noKey.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void theLocalDefaultRunOffersItsBuiltInKeyToThePageWithoutAKey() throws Exception {
    // this context: application.yaml's server.address 127.0.0.1 and the built-in keys
    final var local = call(get("/monitor/access").header("X-API-Key", "wrong"));
    assertThat(local.getStatus()).isEqualTo(200);
    assertThat(local.getContentType()).startsWith("application/json");
    assertThat(local.getHeader("Cache-Control")).contains("no-store");
    assertThat(json(local).get("localDefaultKey").asText()).isEqualTo(ApiTestConfiguration.API_KEY);
    // the key it offers is one the API takes, with write access (demo orders, retry)
    assertThat(MonitorAccessController.BUILT_IN.apiKey()).isEqualTo(ApiTestConfiguration.API_KEY);
    assertThat(MonitorAccessController.BUILT_IN.readOnlyApiKey())
        .isEqualTo(ApiTestConfiguration.READ_ONLY_KEY);

    // asked for through a name that is not loopback (a proxy, DNS rebinding): nothing
    final var proxied =
        call(
            get("/monitor/access")
                .with(
                    r -> {
                      r.setServerName("fulfillment.example.com");
                      return r;
                    }));
    assertThat(json(proxied).get("localDefaultKey").isNull()).isTrue();
    assertThat(call(get("/v3/api-docs")).getContentAsString()).doesNotContain("/monitor/access");
  }

  @Test
  void aKeyOfYourOwnOrAnAddressBeyondLoopbackIsNeverOffered() throws Exception {
    final var builtIn =
        new SecurityProperties(ApiTestConfiguration.API_KEY, ApiTestConfiguration.READ_ONLY_KEY);
    final var loopback = InetAddress.getByName("127.0.0.1");
    assertThat(MonitorAccessController.localDefaultKey(loopback, builtIn))
        .isEqualTo(ApiTestConfiguration.API_KEY);
    assertThat(MonitorAccessController.localDefaultKey(InetAddress.getByName("::1"), builtIn))
        .isEqualTo(ApiTestConfiguration.API_KEY);

    assertThat(
            MonitorAccessController.localDefaultKey(
                loopback, new SecurityProperties("own-key", ApiTestConfiguration.READ_ONLY_KEY)))
        .as("own full key")
        .isNull();
    assertThat(
            MonitorAccessController.localDefaultKey(
                loopback, new SecurityProperties(ApiTestConfiguration.API_KEY, "own-read-key")))
        .as("own read key")
        .isNull();
    assertThat(
            MonitorAccessController.localDefaultKey(
                loopback, new SecurityProperties("own-key", "own-read-key")))
        .as("own keys")
        .isNull();
    assertThat(MonitorAccessController.localDefaultKey(null, builtIn))
        .as("all interfaces")
        .isNull();
    assertThat(MonitorAccessController.localDefaultKey(InetAddress.getByName("0.0.0.0"), builtIn))
        .isNull();
    assertThat(
            MonitorAccessController.localDefaultKey(InetAddress.getByName("192.168.1.20"), builtIn))
        .isNull();

    assertThat(List.of("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1"))
        .allSatisfy(h -> assertThat(MonitorAccessController.loopbackName(h)).as(h).isTrue());
    assertThat(
            Arrays.asList(
                "example.com",
                "localhost.example.com",
                "127.0.0.1.nip.io",
                "10.0.0.1",
                "[::2]",
                "",
                null))
        .allSatisfy(
            h ->
                assertThat(MonitorAccessController.loopbackName(h))
                    .as(String.valueOf(h))
                    .isFalse());
  }

  @Test
  void modelsAndTheirXml() throws Exception {
    final JsonNode models = json(call(get("/api/monitor/models")));
    assertThat(models.get("basis").asText()).isEqualTo("ENGINE_RECORDS");
    assertThat(models.get("models").findValuesAsText("processId"))
        .containsExactly("order-fulfillment", "shipping", "loyalty-points", "order-analytics");

    final var xml =
        call(get("/api/monitor/models/shipping/xml").header("Accept", "application/xml"));
    assertThat(xml.getStatus()).isEqualTo(200);
    assertThat(xml.getContentAsString())
        .contains("<bpmn:process id=\"shipping\"", "bpmndi:BPMNDiagram");

    final var missing = call(get("/api/monitor/models/nope/xml"));
    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(json(missing).get("type").asText()).endsWith("/model-not-found");
  }

  @Test
  void countsFollowTheOrdersAndAnswer304WhileNothingChanged() throws Exception {
    final String declined = api.place("tok_declined", "SKU-3:1");
    api.awaitStatus(declined, "REJECTED");

    final JsonNode stats =
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> json(call(get("/api/monitor/stats"))),
                s ->
                    element(s, "order-fulfillment", "RejectOrder").path("completed").asLong() >= 1
                        && element(s, "order-fulfillment", "ReserveStock")
                                .path("compensated")
                                .asLong()
                            >= 1);
    assertThat(stats.at("/orders/REJECTED").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(element(stats, "order-fulfillment", "ChargePayment").path("terminated").asLong())
        .isGreaterThanOrEqualTo(1);

    final var first = call(get("/api/monitor/stats"));
    final String etag = first.getHeader("ETag");
    assertThat(etag).isNotBlank();
    final var again = call(get("/api/monitor/stats").header("If-None-Match", etag));
    assertThat(again.getStatus())
        .isIn(200, 304); // 200 only if another test's order moved meanwhile
    if (again.getStatus() == 304) {
      assertThat(again.getContentAsString()).isEmpty();
    }
  }

  @Test
  void anOrdersInstancesCarryVariablesAndTakenFlows() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-1:1");
    api.awaitStep(orderId, "AwaitDelivery");
    final JsonNode body = json(call(get("/api/monitor/orders/" + orderId + "/instances")));
    assertThat(body.get("basis").asText()).isEqualTo("ENGINE_RECORDS");
    final List<String> processes = body.get("instances").findValuesAsText("bpmnProcessId");
    assertThat(processes).contains("order-fulfillment", "shipping");
    final JsonNode order =
        StreamSupport.stream(body.get("instances").spliterator(), false)
            .filter(i -> i.get("bpmnProcessId").asText().equals("order-fulfillment"))
            .findFirst()
            .orElseThrow();
    assertThat(order.at("/variables/orderId").asText()).isEqualTo("\"" + orderId + "\"");
    assertThat(order.get("takenFlows").size()).isGreaterThan(5);

    assertThat(call(get("/api/monitor/orders/ord_nope/instances")).getStatus()).isEqualTo(404);
  }

  @Test
  void anIncidentIsListedAndRetryResolvesItAndTheOrderGoesOn() throws Exception {
    final String orderId = api.place("tok_outage", "SKU-4:1");
    final JsonNode incident =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> incidentOf(orderId), i -> i != null);
    assertThat(incident.get("elementId").asText()).isEqualTo("ChargePayment");
    assertThat(incident.get("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.get("message").asText()).contains("payment provider unavailable");
    assertThat(incident.get("retryable").asBoolean()).isTrue();
    final long key = incident.get("incidentKey").asLong();

    final var readOnly =
        call(
            post("/api/incidents/" + key + "/retry")
                .header("X-API-Key", ApiTestConfiguration.READ_ONLY_KEY));
    assertThat(readOnly.getStatus()).isEqualTo(403);
    final var badKey = call(post("/api/incidents/abc/retry"));
    assertThat(badKey.getStatus()).isEqualTo(400);
    assertThat(json(badKey).get("errors").findValuesAsText("field")).containsExactly("incidentKey");
    final var badRetries = call(post("/api/incidents/" + key + "/retry?retries=0"));
    assertThat(badRetries.getStatus()).isEqualTo(400);
    final var unknown = call(post("/api/incidents/123/retry"));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).startsWith("application/problem+json");
    assertThat(json(unknown).get("type").asText()).endsWith("/incident-not-found");

    final var retried = call(post("/api/incidents/" + key + "/retry"));
    assertThat(retried.getStatus()).isEqualTo(200);
    assertThat(json(retried).get("orderId").asText()).isEqualTo(orderId);
    assertThat(json(retried).get("retries").asInt()).isEqualTo(1);

    api.awaitStatus(orderId, "SHIPPED"); // charged on the 4th attempt; waits for the carrier here
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> incidentOf(orderId) == null);
    final var twice = call(post("/api/incidents/" + key + "/retry"));
    assertThat(twice.getStatus()).isEqualTo(404);
    assertThat(json(twice).get("detail").asText()).contains("resolved already");
  }

  @Test
  void theOpenApiDocumentDescribesTheNewEndpoints() throws Exception {
    final String doc = call(get("/v3/api-docs")).getContentAsString();
    assertThat(doc)
        .contains(
            "/api/incidents/{incidentKey}/retry",
            "/api/incidents",
            "/api/monitor/stats",
            "/api/monitor/models/{processId}/xml",
            "/api/monitor/orders/{orderId}/instances",
            "incident-not-found");
  }

  private JsonNode incidentOf(final String orderId) throws Exception {
    for (JsonNode i : json(call(get("/api/incidents"))).get("incidents")) {
      if (i.get("orderId").asText().equals(orderId)) {
        return i;
      }
    }
    return null;
  }

  private static JsonNode element(
      final JsonNode stats, final String processId, final String elementId) {
    for (JsonNode p : stats.get("processes")) {
      if (p.get("processId").asText().equals(processId)) {
        for (JsonNode e : p.get("elements")) {
          if (e.get("elementId").asText().equals(elementId)) {
            return e;
          }
        }
      }
    }
    return MissingNode.getInstance();
  }
}
