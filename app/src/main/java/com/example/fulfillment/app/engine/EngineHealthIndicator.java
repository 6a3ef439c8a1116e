package com.example.fulfillment.app.engine;

import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code engine} on {@code /actuator/health}: UP when the gateway answers, every
 * partition has a leader and this app's models are deployed; DOWN otherwise, with the reason. The
 * details show the mode, the gateway address, the brokers with their partitions (role, health) and
 * the deployed models. Same check in both modes (the embedded engine answers the same topology
 * request as a cluster). It replaces the starter's {@code camundaClient} indicator, which only
 * counts brokers ({@code management.health.camunda.enabled=false}).
 */
@Component
record EngineHealthIndicator(
    EngineTopology topology, ProcessModels models, EngineProperties properties)
    implements HealthIndicator {

  @Override
  public Health health() {
    final EngineTopology.Status status = topology.probe(properties.healthTimeout());
    final boolean deployed = models.deployed().isPresent();
    final Health.Builder health = status.ready() && deployed ? Health.up() : Health.down();
    health
        .withDetail("mode", properties.mode().name().toLowerCase(Locale.ROOT))
        .withDetail("gateway", topology.grpcAddress())
        .withDetails(status.details());
    models
        .deployed()
        .ifPresentOrElse(
            d -> health.withDetail("models", d.resources()),
            () -> {
              health.withDetail("models", "pending");
              models.lastFailure().ifPresent(f -> health.withDetail("deploymentError", f));
            });
    if (!status.ready()) {
      health.withDetail("problem", status.problem());
    }
    return health.build();
  }
}
