package com.example.fulfillment.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Embedded mode: deploys the models to the just-started engine on a background thread while the
 * Spring context is still being built on the other. The first deployment of a cold engine takes
 * seconds (parsing, decision tables, a cold JIT); done in parallel, {@link ProcessModels}' own
 * deployment at the end of the startup finds identical resources (no new version) and answers at
 * once, so orders can be started as soon as the API accepts requests.
 */
final class EarlyDeployment {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyDeployment.class);

  private EarlyDeployment() {}

  static void startInBackground(final String gatewayAddress, final ClassLoader classLoader) {
    Thread.ofPlatform()
        .name("embedded-engine-early-deployment")
        .daemon()
        .start(() -> deploy(URI.create("http://" + gatewayAddress), classLoader));
  }

  private static void deploy(final URI address, final ClassLoader classLoader) {
    final long started = System.nanoTime();
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .applyEnvironmentVariableOverrides(false)
            .build()) {
      final PathMatchingResourcePatternResolver resolver =
          new PathMatchingResourcePatternResolver(classLoader);
      final Map<String, byte[]> models = new LinkedHashMap<>();
      for (String pattern : new String[] {ProcessModels.BPMN, ProcessModels.DMN}) {
        for (Resource model : resolver.getResources(pattern)) {
          try (InputStream in = model.getInputStream()) {
            models.put(model.getFilename(), in.readAllBytes());
          }
        }
      }
      final Optional<DeployResourceCommandStep2> command =
          ProcessModels.deployCommand(client, models);
      if (command.isPresent()) {
        command.get().send().join();
        LOG.debug(
            "Models deployed early in {} ms",
            Duration.ofNanos(System.nanoTime() - started).toMillis());
      }
    } catch (IOException | RuntimeException e) {
      // Only a head start: ProcessModels deploys (and reports failures) as usual.
      LOG.debug("Early deployment skipped: {}", e.toString());
    }
  }
}
