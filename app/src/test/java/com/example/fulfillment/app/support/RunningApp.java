package com.example.fulfillment.app.support;

import com.example.fulfillment.FulfillmentApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app started in this JVM like {@code java -jar} would, on a free HTTP port of the
 * loopback interface with an in-memory H2 database of its own, for tests that need to control when
 * it starts relative to its engine (remote mode). Close it to stop it.
 */
public final class RunningApp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigurableApplicationContext context;
  private final AppHttp http;

  private RunningApp(final ConfigurableApplicationContext context) {
    this.context = context;
    final int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.http = new AppHttp(port, Duration.ofSeconds(5));
  }

  /**
   * Starts the app with these profiles and properties, given as command-line arguments (so they win
   * over every configuration file, like {@code --key=value} to {@code java -jar}).
   */
  public static RunningApp start(final String profiles, final Map<String, Object> properties) {
    final Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", "0");
    all.put(
        "spring.datasource.url",
        "jdbc:h2:mem:app-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    all.put("fulfillment.engine.embedded.port", "0");
    // tok_outage orders open the payment breaker: tests wait half a second, not ten
    all.put("fulfillment.providers.payment.circuit-breaker.wait-duration-in-open-state", "PT0.5S");
    all.putAll(properties);
    final String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new RunningApp(
        new SpringApplicationBuilder(FulfillmentApplication.class)
            .profiles(profiles.isBlank() ? new String[0] : profiles.split(","))
            .run(args));
  }

  /**
   * Starts the app in remote mode ({@code remote} profile) against the engine at {@code port} on
   * loopback, which it waits for at startup ({@code require-connection}); {@code properties} add to
   * or override that.
   */
  public static RunningApp startRemote(final int port, final Map<String, Object> properties) {
    final String address = "http://127.0.0.1:" + port;
    final Map<String, Object> all = new LinkedHashMap<>();
    all.put("camunda.client.grpc-address", address);
    all.put("camunda.client.rest-address", address);
    all.put("fulfillment.engine.require-connection", "true");
    all.put("fulfillment.engine.connect-timeout", "PT20S");
    all.putAll(properties);
    return start("remote", all);
  }

  /** The HTTP port it serves on (loopback). */
  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public <T> T bean(final Class<T> type) {
    return context.getBean(type);
  }

  /** The shipping address of every order placed here: a demo address in Germany. */
  private static final String ADDRESS =
      "{\"name\":\"Erika Mustermann\",\"street\":\"Heidestr. 17\",\"city\":\"Koeln\","
          + "\"postalCode\":\"51147\",\"country\":\"DE\"}";

  public Response get(final String path) {
    return send(http.to(path).GET());
  }

  public Response postJson(final String path, final String body) {
    return send(
        http.to(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST of a multipart/form-data body ({@link ModelUpload}), e.g. model files to deploy. */
  public Response postMultipart(final String path, final java.util.List<ModelUpload.Part> parts) {
    return send(
        http.to(path)
            .header("Content-Type", ModelUpload.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(ModelUpload.body(parts))));
  }

  /** Deploys model files through POST /api/admin/deployments (full-access key). */
  public Response deploy(final ModelUpload.Part... resources) {
    return postMultipart("/api/admin/deployments", java.util.List.of(resources));
  }

  /** POST /api/orders for one line, paid with tok_ok. */
  public Response placeOrder(final String customerId, final String sku, final int quantity) {
    return placeOrder(customerId, "tok_ok", sku, quantity);
  }

  /** POST /api/orders for one line, paid with {@code paymentToken}. */
  public Response placeOrder(
      final String customerId, final String paymentToken, final String sku, final int quantity) {
    return postJson(
        "/api/orders",
        "{\"customerId\":\""
            + customerId
            + "\",\"items\":[{\"sku\":\""
            + sku
            + "\",\"quantity\":"
            + quantity
            + "}],\"paymentToken\":\""
            + paymentToken
            + "\",\"shippingAddress\":"
            + ADDRESS
            + "}");
  }

  /** Places an order for a new customer, asserts that it is accepted and returns its id. */
  public String placeAccepted(final String paymentToken, final String sku, final int quantity) {
    final Response response =
        placeOrder(
            "c-" + UUID.randomUUID().toString().substring(0, 8), paymentToken, sku, quantity);
    if (response.status() != 202) {
      throw new AssertionError("order not accepted: " + response.status() + " " + response.body());
    }
    return response.json().get("orderId").asText();
  }

  private Response send(final HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response = http.send(request);
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }

  /** An HTTP answer. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }
}
