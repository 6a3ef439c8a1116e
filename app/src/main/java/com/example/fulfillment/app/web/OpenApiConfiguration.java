package com.example.fulfillment.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI fulfillmentOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Order fulfillment API")
                .version("1")
                .description(
                    "Place orders (idempotent with Idempotency-Key), follow them (status, process"
                        + " state, timeline), cancel them, and report payment and delivery events"
                        + " as CloudEvents. Errors are RFC 9457 problem documents. Credentials:"
                        + " X-API-Key, HTTP basic or a JWT bearer token with scopes orders:read,"
                        + " orders:write, admin; POST /api/events takes Standard Webhooks"
                        + " signatures only (docs/api.md). No key is written here. The events"
                        + " (RabbitMQ and webhook) are described in AsyncAPI 3.0 at"
                        + " [/asyncapi.yaml](/asyncapi.yaml), their data schemas at"
                        + " /schemas/events/{type}/{version}."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(SecurityProperties.API_KEY_HEADER))
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /**
   * Every operation's responses in status order, whether declared in {@code @Operation} or by a
   * {@link ProblemResponses} annotation (springdoc appends those after the operation's own).
   */
  @Bean
  OpenApiCustomizer responsesInStatusOrder() {
    return openApi ->
        openApi
            .getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperations().stream()
                        .filter(operation -> operation.getResponses() != null)
                        .forEach(
                            operation -> {
                              final ApiResponses sorted = new ApiResponses();
                              operation.getResponses().entrySet().stream()
                                  .sorted(Map.Entry.comparingByKey())
                                  .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
                              sorted.setExtensions(operation.getResponses().getExtensions());
                              operation.setResponses(sorted);
                            }));
  }

  /**
   * Each {@link ProblemResponse} of a handler method as an {@code application/problem+json} answer.
   */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      final ResponseExample ok = handler.getMethodAnnotation(ResponseExample.class);
      if (ok != null) {
        // springdoc adds no default 200 next to declared problem answers: add it here then
        operation.getResponses().putIfAbsent("200", new ApiResponse().description("OK"));
        operation.getResponses().entrySet().stream()
            .filter(e -> e.getKey().startsWith("2"))
            .map(Map.Entry::getValue)
            .forEach(answer -> exampleOf(answer, json(ok.value(), handler)));
      }
      for (ProblemResponse p : handler.getMethod().getAnnotationsByType(ProblemResponse.class)) {
        final MediaType problem = new MediaType();
        if (!p.example().isEmpty()) {
          problem.setExample(json(p.example(), handler));
        }
        operation
            .getResponses()
            .addApiResponse(
                String.valueOf(p.status()),
                new ApiResponse()
                    .description(p.description())
                    .content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON, problem)));
      }
      return operation;
    };
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object json(final String example, final Object where) {
    try {
      return JSON.readTree(example);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An example of " + where + " is not JSON", e);
    }
  }

  /** The example on every media type of a success answer (application/json if it has none). */
  private static void exampleOf(final ApiResponse answer, final Object example) {
    if (answer.getContent() == null) {
      answer.content(
          new Content()
              .addMediaType(
                  org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType()));
    }
    answer.getContent().values().forEach(m -> m.setExample(example));
  }
}
