package com.example.fulfillment.bench;

import com.example.fulfillment.FulfillmentApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as users run it (embedded engine, real workers, H2 file database, the sandbox payment
 * provider without latency), in this JVM, driven over HTTP on the loopback interface.
 */
final class AppUnderTest implements AutoCloseable {

  private static final String BODY =
      """
      {"orderId": "%s", "customerId": "bench", "items": [{"sku": "SKU-1", "quantity": 1}], "paymentToken": "tok_ok",
       "shippingAddress": {"name": "Bench", "street": "Loop 1", "city": "Köln", "postalCode": "51147",
                           "country": "DE"}}""";

  private final ConfigurableApplicationContext app;
  private final HttpClient http;
  private final URI orders;
  private final Path dataDir;
  final Duration startup;

  AppUnderTest(final Completions completions, final String transport) throws IOException {
    this(completions, transport, List.of());
  }

  /** The app with {@code extraArgs} added to its command line (e.g. a property to compare). */
  AppUnderTest(final Completions completions, final String transport, final List<String> extraArgs)
      throws IOException {
    dataDir = Files.createTempDirectory("bench-data-");
    final long t0 = System.nanoTime();
    app =
        new SpringApplicationBuilder(FulfillmentApplication.class)
            .initializers(
                ctx -> ctx.getBeanFactory().registerSingleton("benchCompletions", completions))
            .run(args(transport, extraArgs));
    startup = Duration.ofNanos(System.nanoTime() - t0);
    final int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    orders = URI.create("http://127.0.0.1:" + port + "/api/orders");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * The app's command line; {@code bench.app.args} (space-separated) adds to it, e.g. {@code
   * --spring.profiles.active=postgres} to measure another database.
   */
  private String[] args(final String transport, final List<String> extraArgs) {
    final List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--fulfillment.engine.embedded.port=0",
                "--fulfillment.engine.embedded.transport=" + transport,
                "--fulfillment.data-dir=" + dataDir,
                // the carrier reports each delivery at once (the raw engine does the same)
                "--fulfillment.sandbox.carrier.delivery-delay=PT0.001S",
                "--logging.level.root=WARN"));
    args.addAll(extraArgs);
    final String extra = System.getProperty("bench.app.args", "").strip();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+")));
    }
    return args.toArray(String[]::new);
  }

  /** A bean of the running app (to read its meters or its database after a run). */
  <T> T bean(final Class<T> type) {
    return app.getBean(type);
  }

  /** POST /api/orders with the client's own order id (so completions can be matched); 202 only. */
  void start(final String orderId) throws Exception {
    final HttpRequest request =
        HttpRequest.newBuilder(orders)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-API-Key", "local-dev-key")
            .header("Idempotency-Key", orderId)
            .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(orderId)))
            .build();
    final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  @Override
  public void close() throws IOException {
    app.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
