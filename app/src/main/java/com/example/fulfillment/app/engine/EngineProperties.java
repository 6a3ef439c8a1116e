package com.example.fulfillment.app.engine;

import com.example.fulfillment.common.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app reaches its process engine ({@code fulfillment.engine.*}). The engine's address and
 * credentials are not here: they are the standard {@code camunda.client.*} properties (set by
 * {@link EmbeddedEngineInitializer} in embedded mode).
 *
 * @param mode {@code embedded} (default) or {@code remote}
 * @param requireConnection {@code true}: refuse to start unless the cluster answers (with a leader
 *     for every partition) within {@code connectTimeout}; {@code false} (default): start anyway,
 *     report the engine DOWN in {@code /actuator/health} and deploy the models once it answers
 * @param connectTimeout how long startup waits for the cluster when {@code requireConnection}
 * @param deployRetry backoff between attempts to deploy the models while the engine is unreachable
 * @param healthTimeout how long the health check waits for the cluster's topology
 */
@ConfigurationProperties("fulfillment.engine")
public record EngineProperties(
    @DefaultValue("embedded") EngineMode mode,
    @DefaultValue("false") boolean requireConnection,
    @DefaultValue("PT30S") Duration connectTimeout,
    @DefaultValue DeployRetry deployRetry,
    @DefaultValue("PT3S") Duration healthTimeout) {

  /**
   * {@code fulfillment.engine.deploy-retry.*}: waits {@code initial}, doubling up to {@code max}.
   */
  public record DeployRetry(
      @DefaultValue("PT1S") Duration initial, @DefaultValue("PT10S") Duration max) {

    Duration after(final int failures) {
      return new Backoff(initial, 2.0, max).after(failures);
    }
  }
}
