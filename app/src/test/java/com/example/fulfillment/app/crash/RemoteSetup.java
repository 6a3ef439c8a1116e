package com.example.fulfillment.app.crash;

import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.AppHttp;
import com.example.fulfillment.devengine.DevEngineMain;
import com.example.fulfillment.testing.FreePort;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The remote path as users run it, each part a process of its own and talking over the network: the
 * development engine ({@code java -jar fulfillment-dev-engine-standalone.jar}) and the production
 * jar in {@code remote} mode ({@code java -jar fulfillment-app.jar
 * --spring.profiles.active=remote}), on free loopback ports, with the app's H2 database in a
 * directory of the test's.
 */
final class RemoteSetup implements AutoCloseable {

  final Path work;
  final int enginePort = FreePort.onLoopback();
  final int appPort = FreePort.onLoopback();
  final JavaProcess engine;
  final JavaProcess app;
  private final AppHttp http = new AppHttp(appPort, Duration.ofSeconds(2));

  RemoteSetup(final String name) throws IOException {
    work = Files.createDirectories(Path.of("target", "crash-tests", name)).toAbsolutePath();
    deleteContents(work);
    engine =
        new JavaProcess(
            "development engine",
            JavaProcess.jar("fulfillment.it.engine-jar"),
            work.resolve("engine.log"),
            List.of("--port=" + enginePort, "--data-dir=" + work.resolve("engine-data")));
    final String gateway = "http://127.0.0.1:" + enginePort;
    app =
        new JavaProcess(
            "app (remote profile)",
            JavaProcess.jar("fulfillment.it.app-jar"),
            work.resolve("app.log"),
            List.of(
                "--spring.profiles.active=remote",
                "--server.port=" + appPort,
                "--camunda.client.grpc-address=" + gateway,
                "--camunda.client.rest-address=" + gateway,
                "--fulfillment.data-dir=" + work.resolve("app-data"),
                // A job the killed app held is handed out again after this long.
                "--camunda.client.worker.defaults.timeout=PT5S",
                "--fulfillment.engine.state-check.interval=PT0.5S",
                "--fulfillment.orders.start-retry-interval=PT2S",
                "--fulfillment.orders.start-retry-after=PT2S",
                "--logging.level.root=WARN",
                "--logging.level.com.example.fulfillment=INFO"));
  }

  void startEngine() {
    engine.start();
    engine.awaitLog(DevEngineMain.READY, Duration.ofSeconds(60));
  }

  void startApp() {
    app.start();
    await("app ready")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .failFast("the app exited: see " + app.log(), () -> !app.isAlive())
        .until(() -> readiness() == 200);
  }

  /** HTTP status of {@code /actuator/health/readiness} (-1 without an answer). */
  int readiness() {
    return get("/actuator/health/readiness").statusCode();
  }

  Answer get(final String path) {
    return send(http.to(path).GET());
  }

  Answer postOrder(final String idempotencyKey, final String json) {
    return send(
        http.to("/api/orders")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Answer send(final HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response = http.send(request);
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (IOException e) {
      return new Answer(-1, null, e.toString());
    }
  }

  /** An HTTP answer; status -1: none (connection refused or reset). */
  record Answer(int statusCode, String retryAfter, String body) {}

  Path database() {
    return work.resolve("app-data").resolve("fulfillment");
  }

  @Override
  public void close() throws InterruptedException {
    try {
      app.close();
    } finally {
      engine.close();
    }
  }

  private static void deleteContents(final Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(p -> p.toFile().delete());
    }
  }
}
