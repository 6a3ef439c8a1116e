package com.example.fulfillment.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.testing.EngineWatchdog;
import com.example.fulfillment.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The monitor's data in remote mode, against a Zeebe engine reached over gRPC like a cluster:
 * counts and incidents come from what the job workers saw (basis WORKER_EVENTS), an incident is
 * inferred without a key and cannot be retried from the app (409: Operate).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MonitorRemoteModeTest {

  @Test
  void countsAndIncidentsComeFromWorkerEventsAndRetryPointsToOperate() {
    final int port = FreePort.onLoopback();
    final DevEngine cluster = DevEngineFactory.create(InetAddress.getLoopbackAddress(), port);
    cluster.start();
    final EngineWatchdog watchdog = EngineWatchdog.attachTo(cluster);
    try (RunningApp app =
        RunningApp.startRemote(
            port,
            Map.of(
                "fulfillment.workers.retry-backoff.initial", "PT0.2S",
                "fulfillment.workers.retry-backoff.max", "PT0.5S",
                "fulfillment.sandbox.carrier.delivery-delay", "PT0.5S",
                "fulfillment.monitor.operate-url", "http://localhost:8081"))) {
      final JsonNode models = app.get("/api/monitor/models").json();
      assertThat(models.get("basis").asText()).isEqualTo("WORKER_EVENTS");
      assertThat(models.get("operateUrl").asText()).isEqualTo("http://localhost:8081");

      final String ok = app.placeAccepted("tok_ok", "SKU-1", 1);
      final String outage = app.placeAccepted("tok_outage", "SKU-1", 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> app.get("/api/orders/" + ok).json().get("status").asText().equals("COMPLETED"));

      final JsonNode incident =
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(250))
              .until(() -> incidentOf(app, outage), i -> i != null);
      assertThat(incident.get("incidentKey").isNull()).isTrue();
      assertThat(incident.get("retryable").asBoolean()).isFalse();
      assertThat(incident.get("elementId").asText()).isEqualTo("ChargePayment");
      assertThat(incident.get("message").asText()).contains("payment provider unavailable");

      final JsonNode stats = app.get("/api/monitor/stats").json();
      assertThat(stats.get("basis").asText()).isEqualTo("WORKER_EVENTS");
      assertThat(element(stats, "CompleteOrder").path("completed").asLong()).isEqualTo(1);
      assertThat(element(stats, "ChargePayment").path("completed").asLong()).isEqualTo(1);
      assertThat(element(stats, "ChargePayment").path("incidents").asLong()).isEqualTo(1);
      assertThat(stats.at("/orders/COMPLETED").asLong()).isEqualTo(1);

      final JsonNode instances = app.get("/api/monitor/orders/" + ok + "/instances").json();
      assertThat(instances.get("basis").asText()).isEqualTo("WORKER_EVENTS");
      assertThat(instances.get("instances").findValuesAsText("bpmnProcessId"))
          .contains("order-fulfillment", "shipping");

      final RunningApp.Response retry = app.postJson("/api/incidents/2251799813685460/retry", "");
      assertThat(retry.status()).isEqualTo(409);
      assertThat(retry.json().get("type").asText()).endsWith("/incident-retry-not-supported");
      assertThat(retry.json().get("detail").asText()).contains("Operate");
    } finally {
      watchdog.close();
      cluster.stop();
    }
  }

  private static JsonNode incidentOf(final RunningApp app, final String orderId) {
    for (JsonNode i : app.get("/api/incidents").json().get("incidents")) {
      if (i.get("orderId").asText().equals(orderId)) {
        return i;
      }
    }
    return null;
  }

  private static JsonNode element(final JsonNode stats, final String elementId) {
    for (JsonNode p : stats.get("processes")) {
      if (p.get("processId").asText().equals("order-fulfillment")) {
        for (JsonNode e : p.get("elements")) {
          if (e.get("elementId").asText().equals(elementId)) {
            return e;
          }
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
