package com.example.fulfillment.app.engine;

import io.camunda.client.api.response.DeploymentEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What this app deployed to the engine, kept beyond a restart: in remote mode the app cannot see
 * the engine's deployments, so this is how {@link ProcessModels} knows at start-up that the engine
 * runs a newer version of a bundled process than the bundled file (implemented by the {@code
 * models} feature).
 */
public interface DeploymentRecords {

  /** Who deployed: the app's start-up deployment, or an operator through the admin API. */
  enum Source {
    APP,
    API
  }

  /** A deployed version the start-up deployment keeps instead of the bundled model. */
  record Kept(int version, String versionTag, Instant deployedAt) {}

  /**
   * The newer version of {@code bpmnProcessId} to keep instead of the bundled {@code content}, if
   * the engine runs one (as far as this app knows).
   */
  Optional<Kept> newerThanBundled(String bpmnProcessId, byte[] content);

  /** Records what the engine answered to a deployment of {@code resources} (by resource name). */
  void deployed(DeploymentEvent event, Map<String, byte[]> resources, Source source);
}
