package com.example.fulfillment.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.engine.EngineStateWatch;
import com.example.fulfillment.app.support.ModelUpload;
import com.example.fulfillment.app.support.ModelUpload.Part;
import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remote mode: the app's start-up deployment never downgrades a newer model. The app cannot see the
 * engine's deployments; it records its own ({@code process_deployment}), and a restart against the
 * same engine and database keeps the newer order-fulfillment an operator deployed through the API
 * instead of deploying the bundled one over it.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StartupDeploymentRemoteTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void aRestartKeepsTheNewerVersionDeployedThroughTheApi(final CapturedOutput output) {
    final int port = FreePort.onLoopback();
    // one database across both starts of the app (in memory, kept while the JVM runs)
    final Map<String, Object> database =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:mem:deployments-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
    final DevEngine engine = DevEngineFactory.create(LOOPBACK, port);
    engine.start();
    try {
      final byte[] newer = ModelUpload.newerOrderFulfillment("3");
      final int apiVersion;
      try (RunningApp first = RunningApp.startRemote(port, database)) {
        awaitStateConfirmed(first);
        final RunningApp.Response deployed =
            first.deploy(Part.resource("order-fulfillment.bpmn", newer));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        apiVersion = deployed.json().at("/processes/0/version").asInt();
        assertThat(apiVersion).as("a new version over the bundled one").isGreaterThan(1);

        final JsonNode list = first.get("/api/processes").json();
        assertThat(list.path("basis").asText()).isEqualTo("APP_DEPLOYMENTS");
        final JsonNode fulfillment = entry(list, "order-fulfillment");
        assertThat(fulfillment.path("latestVersion").asInt()).isEqualTo(apiVersion);
        assertThat(fulfillment.path("versions")).hasSize(2);
        assertThat(fulfillment.at("/versions/1/versionTag").asText()).isEqualTo("3");
        assertThat(fulfillment.at("/versions/1/activeInstances").isNull())
            .as("remote: instances are not visible")
            .isTrue();
      }

      try (RunningApp second = RunningApp.startRemote(port, database)) {
        awaitStateConfirmed(second);
        assertThat(output.getOut())
            .contains(
                "Kept order-fulfillment version " + apiVersion + " (tag 3) deployed at",
                "newer than the bundled model order-fulfillment.bpmn");
        assertThat(second.get("/actuator/health").json().at("/components/engine/details/models"))
            .extracting(JsonNode::toString)
            .asString()
            .contains("order-fulfillment:" + apiVersion, "shipping:1");
        assertThat(
                second
                    .bean(JdbcClient.class)
                    .sql(
                        "SELECT version FROM process_deployment"
                            + " WHERE bpmn_process_id = 'order-fulfillment' ORDER BY version")
                    .query(Integer.class)
                    .list())
            .as("no version above the API's")
            .allMatch(v -> v <= apiVersion);
        // the engine's latest is still the API's: its content again is no new version
        final RunningApp.Response again =
            second.deploy(Part.resource("order-fulfillment.bpmn", newer));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().at("/processes/0/version").asInt()).isEqualTo(apiVersion);
        assertThat(
                entry(second.get("/api/processes").json(), "order-fulfillment")
                    .path("latestVersion")
                    .asInt())
            .isEqualTo(apiVersion);

        // the engine unreachable: 503, like the rest of the API
        engine.stop();
        final RunningApp.Response unavailable =
            second.deploy(Part.resource("order-fulfillment.bpmn", newer));
        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.json().path("type").asText())
            .endsWith("/problems/engine-unavailable");
        assertThat(unavailable.headers()).containsKey("retry-after");
      }
    } finally {
      engine.stop();
    }
  }

  private static void awaitStateConfirmed(final RunningApp app) {
    // until then a first check may still begin a new epoch (a fresh engine looks like a lost one)
    await("engine state confirmed")
        .atMost(Duration.ofSeconds(30))
        .until(() -> app.bean(EngineStateWatch.class).stateConfirmed());
  }

  private static JsonNode entry(final JsonNode list, final String processId) {
    for (JsonNode p : list.path("processes")) {
      if (p.path("bpmnProcessId").asText().equals(processId)) {
        return p;
      }
    }
    throw new AssertionError(processId + " not listed: " + list);
  }
}
