package com.example.fulfillment.app.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The OpenTelemetry SDK's standard variables, as Spring Boot's OTLP properties (Boot 3.5 reads only
 * {@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES} itself):
 *
 * <ul>
 *   <li>{@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (as is), else {@code
 *       OTEL_EXPORTER_OTLP_ENDPOINT} (+ {@code /v1/traces} over HTTP) → {@code
 *       management.otlp.tracing.endpoint}. Without either no exporter exists: the default run needs
 *       no collector and logs nothing about one;
 *   <li>{@code OTEL_EXPORTER_OTLP[_TRACES]_PROTOCOL} {@code grpc} | {@code http/protobuf} → {@code
 *       management.otlp.tracing.transport};
 *   <li>{@code OTEL_EXPORTER_OTLP[_TRACES]_HEADERS} ({@code k=v,k2=v2}) → {@code
 *       management.otlp.tracing.headers.*};
 *   <li>{@code OTEL_TRACES_EXPORTER=none} → export off; {@code OTEL_SDK_DISABLED=true} → tracing
 *       off.
 * </ul>
 *
 * Added last: Boot's own properties ({@code management.otlp.tracing.*}) win where both are set.
 * Sampling ({@code OTEL_TRACES_SAMPLER_ARG}) is mapped in application.yaml.
 */
public class OtelEnvironment implements EnvironmentPostProcessor {

  static final String ENDPOINT = "management.otlp.tracing.endpoint";

  @Override
  public void postProcessEnvironment(
      final ConfigurableEnvironment environment, final SpringApplication application) {
    final Map<String, Object> mapped = map(environment::getProperty);
    if (!mapped.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource("otelEnvironment", mapped));
    }
  }

  /** The Boot properties for these OTEL_* variables ({@code env} looks one up, null if unset). */
  static Map<String, Object> map(final Function<String, String> env) {
    final Map<String, Object> properties = new LinkedHashMap<>();
    final String protocol =
        first(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
    final boolean grpc = "grpc".equalsIgnoreCase(protocol);
    if (protocol != null) {
      properties.put("management.otlp.tracing.transport", grpc ? "grpc" : "http");
    }
    final String tracesEndpoint = blankToNull(env.apply("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    final String endpoint = blankToNull(env.apply("OTEL_EXPORTER_OTLP_ENDPOINT"));
    if (tracesEndpoint != null) {
      properties.put(ENDPOINT, tracesEndpoint);
    } else if (endpoint != null) {
      // the SDK's rule: the base URL plus the signal's path over HTTP, as is over gRPC
      properties.put(ENDPOINT, grpc ? endpoint : endpoint.replaceAll("/+$", "") + "/v1/traces");
    }
    final String headers =
        first(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS");
    if (headers != null) {
      for (String pair : headers.split(",")) {
        final int eq = pair.indexOf('=');
        if (eq > 0) {
          properties.put(
              "management.otlp.tracing.headers." + pair.substring(0, eq).trim(),
              pair.substring(eq + 1).trim());
        }
      }
    }
    if ("none".equalsIgnoreCase(blankToNull(env.apply("OTEL_TRACES_EXPORTER")))) {
      properties.put("management.otlp.tracing.export.enabled", "false");
    }
    if ("true".equalsIgnoreCase(blankToNull(env.apply("OTEL_SDK_DISABLED")))) {
      properties.put("management.tracing.enabled", "false");
    }
    return properties;
  }

  private static String first(final Function<String, String> env, final String... names) {
    for (String name : names) {
      final String value = blankToNull(env.apply(name));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
