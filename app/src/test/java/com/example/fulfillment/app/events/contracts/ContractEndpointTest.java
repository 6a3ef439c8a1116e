package com.example.fulfillment.app.events.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.contracts.EventSchemas;
import com.example.fulfillment.contracts.EventSchemas.SchemaId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The schemas and the AsyncAPI document are served where {@code dataschema} points: public (every
 * request here goes without a key), verbatim, with a strong ETag and 304 on If-None-Match, 404
 * problem for what does not exist; {@code dataschema} is built on the app's own base URL by
 * default.
 */
@EmbeddedEngineTest
class ContractEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc mvc;
  @Autowired DataSchemas dataSchemas;
  @LocalServerPort int port;

  /** A request without credentials, with {@code If-None-Match} when {@code etags} is not null. */
  private MockHttpServletResponse anonymous(
      final MockHttpServletRequestBuilder request, final String etags) throws Exception {
    request.with(ApiTestConfiguration.withoutApiKey());
    if (etags != null) {
      request.header("If-None-Match", etags);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse schema(final String typeAndVersion, final String etags)
      throws Exception {
    return anonymous(get("/schemas/events/" + typeAndVersion), etags);
  }

  @Test
  void everySchemaIsServedVerbatimWithAStrongETag() throws Exception {
    for (SchemaId id : EventSchemas.all()) {
      final MockHttpServletResponse answer = schema(id.type() + "/" + id.version(), null);
      assertThat(answer.getStatus()).as(id.toString()).isEqualTo(200);
      assertThat(answer.getContentType()).isEqualTo("application/schema+json");
      assertThat(answer.getContentAsByteArray())
          .isEqualTo(EventSchemas.read(id.type(), id.version()).orElseThrow());
      assertThat(answer.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{43}\"");
      assertThat(answer.getHeader("Cache-Control")).contains("public");
    }
    // the .json form (the AsyncAPI document's relative $refs) is the same document
    final MockHttpServletResponse file = schema("com.example.order.completed/2.json", null);
    assertThat(file.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(file.getContentAsByteArray()).path("title").asText())
        .isEqualTo("com.example.order.completed, version 2");
  }

  @Test
  void ifNoneMatchWithTheETagAnswers304AndAnotherTagTheSchema() throws Exception {
    final String paid = "com.example.order.paid/1";
    final String etag = schema(paid, null).getHeader("ETag");
    assertThat(schema(paid, null).getHeader("ETag")).isEqualTo(etag);
    assertThat(schema("com.example.order.shipped/1", null).getHeader("ETag")).isNotEqualTo(etag);

    final MockHttpServletResponse unchanged = schema(paid, etag);
    assertThat(unchanged.getStatus()).isEqualTo(304);
    assertThat(unchanged.getContentAsByteArray()).isEmpty();
    assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);

    final MockHttpServletResponse changed = schema(paid, "\"something-else\", W/\"older\"");
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getContentAsByteArray()).isNotEmpty();
    // a list of tags, and the weak form of ours (If-None-Match compares weakly)
    assertThat(schema(paid, "\"x\", W/" + etag).getStatus()).isEqualTo(304);
  }

  @Test
  void anUnknownTypeOrVersionIs404Problem() throws Exception {
    for (String path :
        List.of(
            "com.example.order.teleported/1",
            "com.example.order.paid/2",
            "com.example.order.paid/0",
            "com.example.order.paid/one",
            "com.example.order.paid/1.yaml",
            "index.txt/1")) {
      final MockHttpServletResponse answer = schema(path, null);
      assertThat(answer.getStatus()).as(path).isEqualTo(404);
      assertThat(answer.getContentType()).isEqualTo("application/problem+json");
      final JsonNode problem = JSON.readTree(answer.getContentAsString());
      assertThat(problem.path("type").asText())
          .isEqualTo("https://fulfillment.example.com/problems/schema-not-found");
      assertThat(problem.path("title").asText()).isEqualTo("Event schema not found");
    }
    assertThat(
            JSON.readTree(schema("com.example.order.paid/7", null).getContentAsString())
                .path("detail")
                .asText())
        .isEqualTo("No schema of event type com.example.order.paid in version 7.");
  }

  @Test
  void theAsyncApiDocumentIsServedWithAnETag() throws Exception {
    final MockHttpServletResponse answer = anonymous(get("/asyncapi.yaml"), null);
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentType()).isEqualTo("application/yaml");
    assertThat(answer.getContentAsString())
        .startsWith("# AsyncAPI 3.0")
        .contains("asyncapi: 3.0.0");
    assertThat(anonymous(get("/asyncapi.yaml"), answer.getHeader("ETag")).getStatus())
        .isEqualTo(304);
  }

  @Test
  void onlyGetIsOpen() throws Exception {
    // the open paths are read-only: anything else still needs credentials
    assertThat(anonymous(post("/schemas/events/com.example.order.paid/1"), null).getStatus())
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
