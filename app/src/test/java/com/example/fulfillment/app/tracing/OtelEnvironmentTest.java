package com.example.fulfillment.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard OTEL_* variables become Boot's OTLP properties; none set, none added. */
class OtelEnvironmentTest {

  @Test
  void nothingSetAddsNothingSoNoExporterExists() {
    assertThat(OtelEnvironment.map(Map.<String, String>of()::get)).isEmpty();
  }

  static Stream<Arguments> environments() {
    return Stream.of(
        Arguments.of(
            "the base endpoint gets the traces path over HTTP",
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318/"),
            Map.of(OtelEnvironment.ENDPOINT, "http://127.0.0.1:4318/v1/traces")),
        Arguments.of(
            "the traces endpoint is taken as is and wins over the base",
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo:4318/v1/traces"),
            Map.of(OtelEnvironment.ENDPOINT, "http://tempo:4318/v1/traces")),
        Arguments.of(
            "gRPC keeps the base endpoint and switches the transport",
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            Map.of(
                OtelEnvironment.ENDPOINT,
                "http://collector:4317",
                "management.otlp.tracing.transport",
                "grpc")),
        Arguments.of(
            "headers, exporter none and SDK disabled",
            Map.of(
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret, x-tenant=acme",
                "OTEL_TRACES_EXPORTER", "none",
                "OTEL_SDK_DISABLED", "true"),
            Map.of(
                "management.otlp.tracing.headers.api-key", "secret",
                "management.otlp.tracing.headers.x-tenant", "acme",
                "management.otlp.tracing.export.enabled", "false",
                "management.tracing.enabled", "false")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void theVariablesBecomeBootProperties(
      final String name, final Map<String, String> env, final Map<String, String> properties) {
    assertThat(OtelEnvironment.map(env::get)).containsAllEntriesOf(properties);
  }
}
