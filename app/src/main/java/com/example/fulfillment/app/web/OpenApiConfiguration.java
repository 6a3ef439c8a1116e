package com.example.fulfillment.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
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
                        + " signatures only (docs/api.md). No key is written here."))
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
}
