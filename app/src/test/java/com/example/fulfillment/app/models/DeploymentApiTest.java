package com.example.fulfillment.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.ModelUpload;
import com.example.fulfillment.app.support.ModelUpload.Part;
import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.process.ProcessConstants.Elements;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/admin/deployments} and {@code GET /api/processes} on the embedded engine, in an
 * app of their own ({@link RunningApp}: deploying another order-fulfillment changes the latest
 * version for every order placed after it, so no other test shares this engine).
 *
 * <p><b>Versions and orders.</b> An order starts by the message start event {@code OrderReceived},
 * which the engine correlates to the latest version of order-fulfillment: an order placed before a
 * deployment stays on its version to the end, one placed after runs the new one. <b>Workers serve
 * every version</b>: they subscribe by job type, and job types do not depend on the version (a
 * worker contract that changes gets a new job type, see {@code docs/process-design.md}), so both
 * orders complete with the same workers, one on each version.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeploymentApiTest {

  private static final String PROCESS = "order-fulfillment";

  private static RunningApp app;
  private static ProcessVersions versions;

  @BeforeAll
  static void start() {
    app = RunningApp.start("", Map.of("fulfillment.sandbox.carrier.delivery-delay", "PT0.2S"));
    versions = app.bean(ProcessVersions.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aNewVersionWithoutRestartRunningOrdersStayNewOrdersUseIt() {
    final int before = latestVersion();
    final String early = app.placeAccepted("tok_confirm", "SKU-1", 1);
    final long earlyInstance = waitingForConfirmation(early);
    assertThat(versions.activeInstance(earlyInstance).orElseThrow().version()).isEqualTo(before);

    final RunningApp.Response deployed =
        app.deploy(Part.resource("order-fulfillment.bpmn", ModelUpload.newerOrderFulfillment("3")));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    final JsonNode process = deployed.json().at("/processes/0");
    assertThat(deployed.json().path("deploymentKey").asLong()).isPositive();
    assertThat(process.path("bpmnProcessId").asText()).isEqualTo(PROCESS);
    assertThat(process.path("version").asInt()).isEqualTo(before + 1);
    assertThat(process.path("versionTag").asText()).isEqualTo("3");
    assertThat(process.path("resourceName").asText()).isEqualTo("order-fulfillment.bpmn");
    final long newKey = process.path("processDefinitionKey").asLong();
    assertThat(newKey).isPositive();
    assertThat(deployed.json().path("decisions")).isEmpty();

    // the same content again: Zeebe keeps it at its version
    final RunningApp.Response again =
        app.deploy(Part.resource("order-fulfillment.bpmn", ModelUpload.newerOrderFulfillment("3")));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().at("/processes/0/version").asInt()).isEqualTo(before + 1);
    assertThat(again.json().at("/processes/0/processDefinitionKey").asLong()).isEqualTo(newKey);

    final String late = app.placeAccepted("tok_confirm", "SKU-2", 1);
    final long lateInstance = waitingForConfirmation(late);
    assertThat(versions.activeInstance(lateInstance).orElseThrow().version())
        .as("placed after the deployment: the latest version")
        .isEqualTo(before + 1);
    assertThat(versions.activeInstance(earlyInstance).orElseThrow().version())
        .as("placed before: stays on its version")
        .isEqualTo(before);

    // GET /api/processes: both versions with one waiting order each, the latest named
    final JsonNode list = app.get("/api/processes").json();
    assertThat(list.path("basis").asText()).isEqualTo("ENGINE_RECORDS");
    final JsonNode fulfillment = processEntry(list, PROCESS);
    assertThat(fulfillment.path("latestVersion").asInt()).isEqualTo(before + 1);
    final JsonNode old = version(fulfillment, before);
    final JsonNode current = version(fulfillment, before + 1);
    assertThat(old.path("versionTag").asText()).isEqualTo("2");
    assertThat(old.path("activeInstances").asInt()).isEqualTo(1);
    assertThat(current.path("versionTag").asText()).isEqualTo("3");
    assertThat(current.path("processDefinitionKey").asLong()).isEqualTo(newKey);
    assertThat(current.path("resourceName").asText()).isEqualTo("order-fulfillment.bpmn");
    assertThat(current.path("deployedAt").asText()).isNotBlank();
    assertThat(current.path("activeInstances").asInt()).isEqualTo(1);
    assertThat(processEntry(list, "shipping").path("versions")).hasSize(1);

    // the same workers complete both, each on its own version
    for (String orderId : List.of(early, late)) {
      final RunningApp.Response confirmed =
          app.postJson("/api/admin/sandbox/orders/" + orderId + "/payment-confirmation", "");
      assertThat(confirmed.status()).as(confirmed.body()).isLessThan(300);
    }
    for (String orderId : List.of(early, late)) {
      await(orderId + " COMPLETED")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> app.get("/api/orders/" + orderId).json().path("status").asText(),
              "COMPLETED"::equals);
    }
    assertThat(
            version(processEntry(app.get("/api/processes").json(), PROCESS), before)
                .path("activeInstances")
                .asInt())
        .isZero();

    // recorded, with who deployed it
    final List<String> sources =
        app.bean(JdbcClient.class)
            .sql("SELECT source FROM process_deployment WHERE process_definition_key = :key")
            .param("key", newKey)
            .query(String.class)
            .list();
    assertThat(sources).containsExactly("API");
  }

  @Test
  void hostileUploadsAreRefusedAndDeployNothing() throws Exception {
    final int before = latestVersion();

    // a .bpmn file that is not BPMN: the engine's reason
    final RunningApp.Response notBpmn =
        app.deploy(Part.resource("notes.bpmn", "just some text".getBytes(StandardCharsets.UTF_8)));
    assertProblem(notBpmn, 400, "invalid-model");
    assertThat(notBpmn.json().path("detail").asText()).contains("notes.bpmn");

    // well-formed BPMN the engine refuses: a service task without a job type
    final RunningApp.Response refused =
        app.deploy(Part.resource("refused.bpmn", SERVICE_TASK_WITHOUT_JOB_TYPE));
    assertProblem(refused, 400, "invalid-model");
    assertThat(refused.json().path("detail").asText())
        .contains("refused.bpmn", "zeebe:taskDefinition");

    // another file type
    final RunningApp.Response text =
        app.deploy(Part.resource("model.txt", ModelUpload.newerOrderFulfillment("9")));
    assertProblem(text, 400, "invalid-request");
    assertThat(text.json().at("/errors/0/field").asText()).isEqualTo("resources[0]");

    // larger than 1 MB
    final byte[] large = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(large, (byte) ' ');
    final RunningApp.Response tooLarge = app.deploy(Part.resource("large.bpmn", large));
    assertProblem(tooLarge, 400, "invalid-request");
    assertThat(tooLarge.json().at("/errors/0/message").asText()).contains("1 MB");

    // no file: a multipart body without a part named resources
    final RunningApp.Response noFile =
        app.postMultipart(
            "/api/admin/deployments",
            List.of(new Part("other", "order-fulfillment.bpmn", new byte[] {'x'})));
    assertProblem(noFile, 400, "invalid-request");
    assertThat(noFile.json().at("/errors/0/field").asText()).isEqualTo("resources");

    // more than ten files
    final List<Part> eleven = new ArrayList<>();
    IntStream.range(0, 11)
        .forEach(i -> eleven.add(Part.resource("m" + i + ".dmn", new byte[] {'x'})));
    assertProblem(app.postMultipart("/api/admin/deployments", eleven), 400, "invalid-request");

    // an empty file
    assertProblem(app.deploy(Part.resource("empty.bpmn", new byte[0])), 400, "invalid-request");

    // not multipart at all; a cut-off multipart body
    assertProblem(app.postJson("/api/admin/deployments", "{}"), 415, "unsupported-media-type");
    final HttpResponse<String> cutOff =
        raw(
            ApiTestConfiguration.API_KEY,
            ModelUpload.CONTENT_TYPE,
            ("--" + ModelUpload.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"resources\"")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(cutOff.statusCode()).as(cutOff.body()).isEqualTo(400);

    // credentials: none → 401, read-only → 403
    final byte[] body =
        ModelUpload.body(
            List.of(
                Part.resource("order-fulfillment.bpmn", ModelUpload.newerOrderFulfillment("9"))));
    assertThat(raw(null, ModelUpload.CONTENT_TYPE, body).statusCode()).isEqualTo(401);
    final HttpResponse<String> readOnly =
        raw(ApiTestConfiguration.READ_ONLY_KEY, ModelUpload.CONTENT_TYPE, body);
    assertThat(readOnly.statusCode()).isEqualTo(403);
    assertThat(readOnly.body()).contains("/problems/forbidden");
    // while the read-only key reads the versions, like the orders
    assertThat(rawGet(ApiTestConfiguration.READ_ONLY_KEY, "/api/processes").statusCode())
        .isEqualTo(200);

    assertThat(latestVersion()).as("nothing was deployed").isEqualTo(before);
  }

  /* ---------- helpers ---------- */

  private static final byte[] SERVICE_TASK_WITHOUT_JOB_TYPE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          id="refused" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="refused-process" isExecutable="true">
          <bpmn:startEvent id="start" />
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
          <bpmn:serviceTask id="work" />
          <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
          <bpmn:endEvent id="end" />
        </bpmn:process>
      </bpmn:definitions>
      """
          .getBytes(StandardCharsets.UTF_8);

  private static int latestVersion() {
    return versions.latest(PROCESS).orElseThrow().version();
  }

  /** The order's process instance key, once the instance waits for the payment confirmation. */
  private static long waitingForConfirmation(final String orderId) {
    return await(orderId + " waiting for the payment confirmation")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              final JsonNode key =
                  app.get("/api/orders/" + orderId).json().path("processInstanceKey");
              if (!key.isNumber()) {
                return null;
              }
              return versions
                  .activeInstance(key.asLong())
                  .filter(
                      i ->
                          i.elements().stream()
                              .anyMatch(
                                  e -> e.elementId().equals(Elements.AWAIT_PAYMENT_CONFIRMATION)))
                  .map(ProcessVersions.ActiveInstance::processInstanceKey)
                  .orElse(null);
            },
            key -> key != null);
  }

  private static JsonNode processEntry(final JsonNode list, final String processId) {
    for (JsonNode p : list.path("processes")) {
      if (p.path("bpmnProcessId").asText().equals(processId)) {
        return p;
      }
    }
    throw new AssertionError(processId + " not listed: " + list);
  }

  private static JsonNode version(final JsonNode process, final int version) {
    for (JsonNode v : process.path("versions")) {
      if (v.path("version").asInt() == version) {
        return v;
      }
    }
    throw new AssertionError("version " + version + " not listed: " + process);
  }

  private static void assertProblem(
      final RunningApp.Response response, final int status, final String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("type").asText()).endsWith("/problems/" + type);
  }

  private static HttpResponse<String> raw(
      final String apiKey, final String contentType, final byte[] body)
      throws IOException, InterruptedException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/api/admin/deployments"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> rawGet(final String apiKey, final String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("X-API-Key", apiKey)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
