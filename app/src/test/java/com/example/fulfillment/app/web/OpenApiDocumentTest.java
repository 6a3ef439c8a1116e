package com.example.fulfillment.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document keeps every response of every operation, whether the operation declares it
 * or a {@link ProblemResponses} annotation does: springdoc has to find {@code @ApiResponse} as a
 * meta-annotation, on methods and on controllers, next to the operation's own responses.
 */
@EmbeddedEngineTest
class OpenApiDocumentTest {

  /** Operation (method and path) → its documented status codes, in document order. */
  private static final Map<String, List<String>> RESPONSES =
      Map.ofEntries(
          Map.entry("post /api/orders", List.of("202", "400", "401", "413", "415", "422", "503")),
          Map.entry("get /api/orders", List.of("200", "400", "401")),
          Map.entry("get /api/orders/{orderId}", List.of("200", "401", "404")),
          Map.entry("get /api/orders/{orderId}/timeline", List.of("200", "401", "404")),
          Map.entry(
              "post /api/orders/{orderId}/cancellation",
              List.of("202", "401", "404", "409", "503")),
          Map.entry(
              "post /api/events", List.of("202", "400", "401", "409", "415", "422", "429", "503")),
          Map.entry("get /api/admin/dead-letters", List.of("200", "400", "401", "403", "503")),
          Map.entry(
              "post /api/admin/dead-letters/{id}/redrive",
              List.of("200", "401", "403", "404", "503")),
          Map.entry("post /api/admin/dead-letters/redrive", List.of("200", "401", "403", "503")),
          Map.entry(
              "post /api/admin/deployments", List.of("201", "400", "401", "403", "415", "503")),
          Map.entry("get /api/processes", List.of("200", "401")),
          Map.entry(
              "post /api/admin/migrations", List.of("200", "400", "401", "403", "404", "503")),
          Map.entry(
              "post /api/admin/orders/{orderId}/modification",
              List.of("200", "400", "401", "403", "404", "409", "422", "503")),
          Map.entry(
              "post /api/incidents/{incidentKey}/retry",
              List.of("200", "400", "401", "403", "404", "409", "503")),
          Map.entry("get /api/incidents", List.of("200")),
          Map.entry("get /api/monitor/models", List.of("200")),
          Map.entry("get /api/monitor/models/{processId}/xml", List.of("200", "404")),
          Map.entry("get /api/monitor/stats", List.of("200", "304")),
          Map.entry("get /api/monitor/orders/{orderId}/instances", List.of("200", "404")));

  @Autowired MockMvc mvc;
  @Autowired ApiDriver api;

  private JsonNode doc;

  @BeforeEach
  void fetch() throws Exception {
    final var response =
        mvc.perform(get("/v3/api-docs").with(ApiTestConfiguration.withoutApiKey())).andReturn();
    assertThat(response.getResponse().getStatus()).isEqualTo(200);
    doc = api.json().readTree(response.getResponse().getContentAsString());
  }

  private JsonNode responses(final String operation) {
    final String[] methodAndPath = operation.split(" ", 2);
    return doc.path("paths").path(methodAndPath[1]).path(methodAndPath[0]).path("responses");
  }

  private static String exampleType(final JsonNode response) {
    return response.at("/content/application~1problem+json/example/type").asText();
  }

  @Test
  void everyOperationDocumentsEachOfItsResponsesInStatusOrder() {
    final List<String> operations = new ArrayList<>();
    doc.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> operations.add(method + " " + path.getKey())));
    assertThat(operations).containsExactlyInAnyOrderElementsOf(RESPONSES.keySet());
    RESPONSES.forEach(
        (operation, codes) -> {
          assertThat(responses(operation).fieldNames())
              .toIterable()
              .as(operation)
              .containsExactlyElementsOf(codes);
          responses(operation)
              .properties()
              .forEach(
                  r -> {
                    if (r.getKey().startsWith("4") && !r.getKey().equals("304")
                        || r.getKey().startsWith("5")) {
                      assertThat(r.getValue().path("content").has(ProblemResponses.PROBLEM_JSON))
                          .as(operation + " " + r.getKey())
                          .isTrue();
                    }
                  });
        });
  }

  @Test
  void placingAnOrderKeepsItsOwnAndTheSharedProblemResponses() {
    final JsonNode place = responses("post /api/orders");
    assertThat(place.path("400").path("description").asText())
        .isEqualTo("Invalid or malformed body");
    assertThat(exampleType(place.path("400"))).endsWith("/problems/invalid-request");
    assertThat(place.path("401").path("description").asText()).isEqualTo("No or wrong credentials");
    assertThat(exampleType(place.path("401"))).endsWith("/problems/unauthorized");
    assertThat(exampleType(place.path("422"))).endsWith("/problems/idempotency-key-reused");
    assertThat(place.path("503").path("description").asText())
        .isEqualTo("Engine unreachable: the order is recorded, its start is retried");
    assertThat(exampleType(place.path("503"))).endsWith("/problems/engine-unavailable");
    assertThat(place.at("/503/headers/Retry-After/description").asText()).isEqualTo("seconds");
  }

  @Test
  void everyUnauthorizedAndForbiddenAnswerShowsItsProblem() {
    RESPONSES.keySet().stream()
        .filter(operation -> responses(operation).has("401"))
        .forEach(
            operation ->
                assertThat(exampleType(responses(operation).path("401")))
                    .as(operation)
                    .endsWith("/problems/unauthorized"));
    RESPONSES.keySet().stream()
        .filter(operation -> responses(operation).has("403"))
        .forEach(
            operation -> {
              assertThat(responses(operation).at("/403/description").asText())
                  .isEqualTo("Read-only credentials");
              assertThat(exampleType(responses(operation).path("403")))
                  .as(operation)
                  .endsWith("/problems/forbidden");
            });
  }

  @Test
  void theDeadLetterRedriveDocumentsTheControllersSharedResponsesAndItsOwn404() {
    final JsonNode redrive = responses("post /api/admin/dead-letters/{id}/redrive");
    assertThat(exampleType(redrive.path("404"))).endsWith("/problems/dead-letter-not-found");
    assertThat(redrive.at("/503/description").asText()).isEqualTo("The broker cannot be reached");
    assertThat(exampleType(redrive.path("503"))).endsWith("/problems/event-broker-unavailable");
    final JsonNode list = responses("get /api/admin/dead-letters");
    assertThat(list.at("/400/description").asText()).isEqualTo("limit not 1..500");
    assertThat(exampleType(list.path("400"))).endsWith("/problems/invalid-request");
  }

  @Test
  void theOtherEngineUnavailableAnswersNameTheirRetryAfter() {
    for (String operation :
        List.of(
            "post /api/orders/{orderId}/cancellation",
            "post /api/events",
            "post /api/incidents/{incidentKey}/retry")) {
      assertThat(responses(operation).at("/503/headers/Retry-After/schema/type").asText())
          .as(operation)
          .isEqualTo("string");
    }
    assertThat(responses("post /api/incidents/{incidentKey}/retry").at("/503/description").asText())
        .isEqualTo("Engine unreachable");
    assertThat(exampleType(responses("get /api/orders/{orderId}").path("404")))
        .endsWith("/problems/order-not-found");
  }
}
