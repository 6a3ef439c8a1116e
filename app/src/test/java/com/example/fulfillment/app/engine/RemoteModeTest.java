package com.example.fulfillment.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.testing.FreePort;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Remote mode ({@code remote} profile, standard {@code camunda.client.*} properties) against an
 * engine the app does not own: an in-process engine started by the test on a port of its own,
 * before or after the app. The crash tests ({@code *CrashIT}) do the same over the network with the
 * production jar and the development engine each in a process of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RemoteModeTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void startsWithoutTheEngineReportsItDownAndDeploysOnceItAnswers() {
    final int port = FreePort.onLoopback();
    try (RunningApp app = RunningApp.startRemote(port, remote(false))) {
      final RunningApp.Response health = app.get("/actuator/health");
      assertThat(health.status()).isEqualTo(503);
      final JsonNode engine = health.json().at("/components/engine");
      assertThat(engine.path("status").asText()).isEqualTo("DOWN");
      assertThat(engine.at("/details/mode").asText()).isEqualTo("remote");
      assertThat(engine.at("/details/gateway").asText()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(engine.at("/details/models").asText()).isEqualTo("pending");
      assertThat(engine.at("/details/problem").asText()).startsWith("unreachable: UNAVAILABLE");
      assertThat(app.get("/actuator/health/liveness").status()).isEqualTo(200);
      assertThat(app.get("/actuator/health/readiness").status()).isEqualTo(503);

      final DevEngine cluster = DevEngineFactory.create(LOOPBACK, port);
      cluster.start();
      try {
        await("models deployed by the background retry, engine UP")
            .atMost(Duration.ofSeconds(30))
            .until(() -> app.get("/actuator/health").status() == 200);
        final JsonNode up = app.get("/actuator/health").json().at("/components/engine/details");
        assertThat(up.path("partitionsCount").asInt()).isEqualTo(1);
        assertThat(up.path("models").toString())
            .contains("order-fulfillment:1", "shipping:1", "fraud-risk:1");
        assertThat(app.get("/actuator/health/readiness").status()).isEqualTo(200);

        final String orderId = placeAndDeliver(app);
        await("order " + orderId + " completed")
            .atMost(Duration.ofSeconds(30))
            .until(() -> status(app, orderId) == OrderStatus.COMPLETED);
      } finally {
        cluster.stop();
      }
    }
  }

  @Test
  void refusesToStartWhenTheEngineIsRequiredButDoesNotAnswer(final CapturedOutput output) {
    final int port = FreePort.onLoopback();
    final Map<String, Object> properties = remote(true);
    final long started = System.nanoTime();

    final Throwable failure =
        catchThrowable(() -> RunningApp.startRemote(port, properties).close());

    assertThat(failure).hasRootCauseInstanceOf(ClusterNotReadyException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("The Camunda cluster at http://127.0.0.1:" + port + " did not become ready")
        .contains("fulfillment.engine.require-connection=false");
  }

  @Test
  void startsAtOnceWhenTheRequiredEngineAnswers() {
    final int port = FreePort.onLoopback();
    final DevEngine cluster = DevEngineFactory.create(LOOPBACK, port);
    cluster.start();
    try (RunningApp app = RunningApp.startRemote(port, remote(true))) {
      assertThat(app.bean(ProcessModels.class).deployed()).isPresent();
      assertThat(app.get("/actuator/health").status()).isEqualTo(200);
    } finally {
      cluster.stop();
    }
  }

  /** Places an order through the API and plays the carrier: delivered once it is shipped. */
  private static String placeAndDeliver(final RunningApp app) {
    final RunningApp.Response placed = app.placeOrder("c-remote", "SKU-2", 1);
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    final String orderId = placed.json().path("orderId").asText();
    await("order " + orderId + " shipped")
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(app, orderId) == OrderStatus.SHIPPED);
    app.bean(CamundaClient.class)
        .newPublishMessageCommand()
        .messageName(Messages.SHIPMENT_DELIVERED)
        .correlationKey(orderId)
        .timeToLive(Duration.ofMinutes(5))
        .send()
        .join();
    return orderId;
  }

  private static OrderStatus status(final RunningApp app, final String orderId) {
    return app.bean(OrderService.class).find(orderId).orElseThrow().status();
  }

  /** A short connect timeout and quick deployment retries. */
  private static Map<String, Object> remote(final boolean requireConnection) {
    return Map.of(
        "fulfillment.engine.require-connection",
        String.valueOf(requireConnection),
        "fulfillment.engine.connect-timeout",
        "PT2S",
        "fulfillment.engine.deploy-retry.initial",
        "PT0.2S",
        "fulfillment.engine.deploy-retry.max",
        "PT0.5S");
  }
}
