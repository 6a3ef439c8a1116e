package com.example.fulfillment.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard OTEL_* variables become Boot's OTLP properties; none set, none added. */
class OtelEnvironmentTest {

  @Test
  void nothingSetAddsNothingSoNoExporterExists() {
    assertThat(OtelEnvironment.map(Map.<String, String>of()::get)).isEmpty();
  }

  @Test
  void theBaseEndpointGetsTheTracesPathOverHttp() {
    assertThat(
            OtelEnvironment.map(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318/")::get))
        .containsEntry(OtelEnvironment.ENDPOINT, "http://127.0.0.1:4318/v1/traces");
  }

  @Test
  void theTracesEndpointIsTakenAsIsAndWinsOverTheBase() {
    final Map<String, String> env =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo:4318/v1/traces");
    assertThat(OtelEnvironment.map(env::get))
        .containsEntry(OtelEnvironment.ENDPOINT, "http://tempo:4318/v1/traces");
  }

  @Test
  void grpcKeepsTheBaseEndpointAndSwitchesTheTransport() {
    final Map<String, String> env =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    assertThat(OtelEnvironment.map(env::get))
        .containsEntry(OtelEnvironment.ENDPOINT, "http://collector:4317")
        .containsEntry("management.otlp.tracing.transport", "grpc");
  }

  @Test
  void headersExporterNoneAndSdkDisabled() {
    final Map<String, String> env =
        Map.of(
            "OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret, x-tenant=acme",
            "OTEL_TRACES_EXPORTER", "none",
            "OTEL_SDK_DISABLED", "true");
    assertThat(OtelEnvironment.map(env::get))
        .containsEntry("management.otlp.tracing.headers.api-key", "secret")
        .containsEntry("management.otlp.tracing.headers.x-tenant", "acme")
        .containsEntry("management.otlp.tracing.export.enabled", "false")
        .containsEntry("management.tracing.enabled", "false");
  }
}
