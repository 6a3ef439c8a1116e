package com.example.fulfillment.app.events.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.contracts.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The schemas and the AsyncAPI document are served where {@code dataschema} points: public (no
 * key), verbatim, with a strong ETag and 304 on If-None-Match, 404 problem for what does not exist;
 * {@code dataschema} is built on the app's own base URL by default.
 */
@EmbeddedEngineTest
class ContractEndpointTest {

  @Autowired MockMvc mvc;
  @Autowired DataSchemas dataSchemas;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();

  private MockHttpServletResponse call(final RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void everySchemaIsServedWithoutAKeyVerbatimWithAStrongETag() throws Exception {
    for (EventSchemas.SchemaId id : EventSchemas.all()) {
      final MockHttpServletResponse answer =
          call(
              get("/schemas/events/" + id.type() + "/" + id.version())
                  .with(ApiTestConfiguration.withoutApiKey()));
      assertThat(answer.getStatus()).as(id.toString()).isEqualTo(200);
      assertThat(answer.getContentType()).isEqualTo("application/schema+json");
      assertThat(answer.getContentAsByteArray())
          .isEqualTo(EventSchemas.read(id.type(), id.version()).orElseThrow());
      assertThat(answer.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
      assertThat(answer.getHeader("Cache-Control")).contains("public");
    }
    // the .json form (the AsyncAPI document's relative $refs) is the same document
    final MockHttpServletResponse file =
        call(
            get("/schemas/events/com.example.order.completed/2.json")
                .with(ApiTestConfiguration.withoutApiKey()));
    assertThat(file.getStatus()).isEqualTo(200);
    assertThat(json.readTree(file.getContentAsByteArray()).path("title").asText())
        .isEqualTo("com.example.order.completed, version 2");
  }

  @Test
  void ifNoneMatchWithTheETagAnswers304AndAnotherTagTheSchema() throws Exception {
    final String path = "/schemas/events/com.example.order.paid/1";
    final String etag = call(get(path)).getHeader("ETag");
    final String other = call(get("/schemas/events/com.example.order.paid/1")).getHeader("ETag");
    assertThat(other).isEqualTo(etag);
    assertThat(call(get("/schemas/events/com.example.order.shipped/1")).getHeader("ETag"))
        .isNotEqualTo(etag);

    final MockHttpServletResponse unchanged =
        call(get(path).with(ApiTestConfiguration.withoutApiKey()).header("If-None-Match", etag));
    assertThat(unchanged.getStatus()).isEqualTo(304);
    assertThat(unchanged.getContentAsByteArray()).isEmpty();
    assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);

    final MockHttpServletResponse changed =
        call(get(path).header("If-None-Match", "\"something-else\", W/\"older\""));
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getContentAsByteArray()).isNotEmpty();
    assertThat(
            call(get(path).header("If-None-Match", "\"x\", W/" + etag))
                .getStatus())
        .isEqualTo(304);
  }

  @Test
  void anUnknownTypeOrVersionIs404ProblemWithoutAKey() throws Exception {
    for (String path :
        new String[] {
          "/schemas/events/com.example.order.teleported/1",
          "/schemas/events/com.example.order.paid/2",
          "/schemas/events/com.example.order.paid/0",
          "/schemas/events/com.example.order.paid/one",
          "/schemas/events/com.example.order.paid/1.yaml",
          "/schemas/events/index.txt/1"
        }) {
      final MockHttpServletResponse answer =
          call(get(path).with(ApiTestConfiguration.withoutApiKey()));
      assertThat(answer.getStatus()).as(path).isEqualTo(404);
      assertThat(answer.getContentType()).isEqualTo("application/problem+json");
      final JsonNode problem = json.readTree(answer.getContentAsString());
      assertThat(problem.path("type").asText())
          .isEqualTo("https://fulfillment.example.com/problems/schema-not-found");
      assertThat(problem.path("title").asText()).isEqualTo("Event schema not found");
    }
    final JsonNode detail =
        json.readTree(call(get("/schemas/events/com.example.order.paid/7")).getContentAsString());
    assertThat(detail.path("detail").asText())
        .isEqualTo("No schema of event type com.example.order.paid in version 7.");
  }

  @Test
  void theAsyncApiDocumentIsServedWithoutAKey() throws Exception {
    final MockHttpServletResponse answer =
        call(get("/asyncapi.yaml").with(ApiTestConfiguration.withoutApiKey()));
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("application/yaml");
    assertThat(answer.getContentAsString())
        .startsWith("# AsyncAPI 3.0")
        .contains("asyncapi: 3.0.0");
    final String etag = answer.getHeader("ETag");
    assertThat(
            call(get("/asyncapi.yaml")
                    .with(ApiTestConfiguration.withoutApiKey())
                    .header("If-None-Match", etag))
                .getStatus())
        .isEqualTo(304);
  }

  @Test
  void onlyGetIsOpen() throws Exception {
    // the open paths are read-only: anything else still needs credentials
    assertThat(
            call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/schemas/events/com.example.order.paid/1")
                    .with(ApiTestConfiguration.withoutApiKey()))
                .getStatus())
        .isEqualTo(401);
  }

  @Test
  void dataschemaIsBuiltOnTheAppsOwnBaseUrlByDefault() {
    assertThat(dataSchemas.base()).isEqualTo(URI.create("http://127.0.0.1:" + port));
    assertThat(dataSchemas.dataSchema("com.example.order.completed", 2))
        .isEqualTo(
            URI.create(
                "http://127.0.0.1:" + port + "/schemas/events/com.example.order.completed/2"));
  }
}
