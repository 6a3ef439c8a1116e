package com.example.fulfillment.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the app's BPMN and DMN models ({@value #BPMN}, {@value #DMN}) whenever the starter hands
 * out its Camunda client (at startup, and per test under Camunda Process Test), in both engine
 * modes, like the starter's {@code @Deployment}, which it replaces: that one deploys once and fails
 * the startup when the engine does not answer at that moment.
 *
 * <ul>
 *   <li>engine reachable: deployed when the job workers open (Zeebe keeps identical resources at
 *       their version, so a restart creates no new version);
 *   <li>engine unreachable, {@code fulfillment.engine.require-connection=false} (default): the app
 *       starts anyway, {@code /actuator/health} reports the engine DOWN with {@code models:
 *       pending}, and the deployment is retried in the background with a capped exponential backoff
 *       ({@code fulfillment.engine.deploy-retry.*}) until the engine takes it;
 *   <li>{@code require-connection=true}: startup waits up to {@code connect-timeout} for the
 *       cluster and fails with {@link ClusterNotReadyException} if it does not answer;
 *   <li>a model the engine refuses ({@code INVALID_ARGUMENT}) always fails the startup: that is a
 *       bug in the models, not an outage;
 *   <li>never a downgrade: a bundled process of which the engine runs a newer version (deployed
 *       through the admin API after this app deployed the bundled file, as far as {@link
 *       DeploymentRecords} knows) is left out of the deployment, and the newer version kept.
 * </ul>
 *
 * Until the models are deployed, a message start ({@code OrderReceived}) published to a fresh
 * cluster starts nothing (Zeebe correlates start messages only to deployed processes), so callers
 * that start processes should check {@link #deployed()} first.
 */
@Component
public class ProcessModels implements CamundaClientLifecycleAware {

  static final String BPMN = "classpath*:bpmn/*.bpmn";
  static final String DMN = "classpath*:bpmn/*.dmn";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessModels.class);
  private static final Duration READY_PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final EngineTopology topology;
  private final EngineProperties properties;
  private final Map<String, byte[]> models;
  private final ApplicationEventPublisher events;
  private final DeploymentRecords records;
  private final Map<String, List<String>> processIds;

  private volatile Deployed deployed;
  private volatile String lastFailure;
  private ScheduledExecutorService retries;

  ProcessModels(
      final EngineTopology topology,
      final EngineProperties properties,
      final ApplicationEventPublisher events,
      final DeploymentRecords records) {
    this.topology = topology;
    this.properties = properties;
    this.events = events;
    this.records = records;
    this.models = read(BPMN, DMN);
    this.processIds = processIds(models);
  }

  /** Published once the engine has taken the models (orders can be started from then on). */
  public record ModelsDeployed(Deployed deployment) {}

  /**
   * What the engine answered to this app's deployment.
   *
   * @param key the deployment key
   * @param resources process and decision ids with the version the engine runs
   * @param at when the engine took it
   */
  public record Deployed(long key, List<String> resources, Instant at) {}

  /** The deployment, once the engine has taken it. */
  public Optional<Deployed> deployed() {
    return Optional.ofNullable(deployed);
  }

  /** Why the last attempt failed while the models are not deployed (else empty). */
  public Optional<String> lastFailure() {
    return deployed == null ? Optional.ofNullable(lastFailure) : Optional.empty();
  }

  /** File names of the models this app deploys. */
  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  @Override
  public synchronized void onStart(final CamundaClient client) {
    stopRetrying();
    if (properties.requireConnection()) {
      awaitReady();
    }
    try {
      deploy(client);
    } catch (RuntimeException e) {
      if (EngineErrors.isRejection(e) || properties.requireConnection()) {
        throw refused(e);
      }
      lastFailure = EngineErrors.describe(e);
      LOG.warn(
          "Cannot deploy the process models to {} ({}). The app starts anyway: /actuator/health "
              + "reports the engine DOWN until the deployment succeeds, retried in the background "
              + "(set fulfillment.engine.require-connection=true to fail the startup instead).",
          topology.grpcAddress(),
          lastFailure);
      final ScheduledExecutorService executor =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("process-model-deployment").daemon().factory());
      retries = executor;
      scheduleRetry(executor, client, 1);
    }
  }

  /** The client is closing (app shutdown, or the end of a process test): stop retrying. */
  @Override
  public synchronized void onStop(final CamundaClient client) {
    stopRetrying();
    deployed = null;
  }

  private void stopRetrying() {
    if (retries != null) {
      retries.shutdownNow();
      retries = null;
    }
  }

  private void scheduleRetry(
      final ScheduledExecutorService executor, final CamundaClient client, final int failures) {
    final Duration wait = properties.deployRetry().after(failures);
    executor.schedule(
        () -> retry(executor, client, failures), wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void retry(
      final ScheduledExecutorService executor, final CamundaClient client, final int failures) {
    if (executor.isShutdown()) {
      return;
    }
    try {
      deploy(client);
      executor.shutdown();
    } catch (RuntimeException e) {
      lastFailure = EngineErrors.describe(e);
      if (EngineErrors.isRejection(e)) {
        LOG.error("The engine refuses the process models; not retrying: {}", lastFailure, e);
        return;
      }
      // Every failure of the first few, then one in ten: an outage should not flood the log.
      if (failures < 5 || failures % 10 == 0) {
        LOG.warn(
            "Deploying the process models failed {} time(s), retrying: {}", failures, lastFailure);
      }
      scheduleRetry(executor, client, failures + 1);
    }
  }

  /**
   * The engine is unreachable or may have lost its state ({@link EngineStateWatch}): until the
   * models are deployed again, orders are not started and readiness is DOWN.
   */
  void invalidate() {
    deployed = null;
  }

  /** Deploys now; throws if the engine does not take the models. */
  synchronized void deployNow(final CamundaClient client) {
    deploy(client);
  }

  private void deploy(final CamundaClient client) {
    final Map<String, byte[]> deploying = new LinkedHashMap<>();
    final List<String> kept = new ArrayList<>();
    for (Map.Entry<String, byte[]> model : models.entrySet()) {
      final List<String> keptHere = keptInstead(model);
      if (keptHere.isEmpty()) {
        deploying.put(model.getKey(), model.getValue());
      } else {
        kept.addAll(keptHere);
      }
    }
    final List<String> resources = new ArrayList<>(kept);
    long key = 0;
    if (!deploying.isEmpty()) {
      final DeploymentEvent event = deployCommand(client, deploying).orElseThrow().send().join();
      key = event.getKey();
      event.getProcesses().forEach(p -> resources.add(p.getBpmnProcessId() + ":" + p.getVersion()));
      event.getDecisions().forEach(d -> resources.add(d.getDmnDecisionId() + ":" + d.getVersion()));
      record(event, deploying);
    }
    deployed = new Deployed(key, List.copyOf(resources), Instant.now());
    lastFailure = null;
    LOG.info("Deployed the process models to {}: {}", topology.grpcAddress(), resources);
    events.publishEvent(new ModelsDeployed(deployed));
  }

  /** The newer versions kept instead of this bundled file ("id:version"), or none: deploy it. */
  private List<String> keptInstead(final Map.Entry<String, byte[]> model) {
    final List<String> kept = new ArrayList<>();
    for (String processId : processIds.getOrDefault(model.getKey(), List.of())) {
      records
          .newerThanBundled(processId, model.getValue())
          .ifPresent(
              newer -> {
                LOG.warn(
                    "Kept {} version {} (tag {}) deployed at {}, newer than the bundled model {}:"
                        + " not deploying the bundled file",
                    processId,
                    newer.version(),
                    newer.versionTag(),
                    newer.deployedAt(),
                    model.getKey());
                kept.add(processId + ":" + newer.version());
              });
    }
    return kept;
  }

  private void record(final DeploymentEvent event, final Map<String, byte[]> deploying) {
    try {
      records.deployed(event, deploying, DeploymentRecords.Source.APP);
    } catch (RuntimeException e) {
      // The engine has the models; only the record for the next start's downgrade check is missing.
      LOG.error("Deployed, but could not record the deployment {}", event.getKey(), e);
    }
  }

  /**
   * One deploy command with every resource ({@code name → content}, in the map's order); empty when
   * there is none.
   */
  public static Optional<DeployResourceCommandStep2> deployCommand(
      final CamundaClient client, final Map<String, byte[]> resources) {
    DeployResourceCommandStep2 command = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      command =
          command == null
              ? client
                  .newDeployResourceCommand()
                  .addResourceBytes(resource.getValue(), resource.getKey())
              : command.addResourceBytes(resource.getValue(), resource.getKey());
    }
    return Optional.ofNullable(command);
  }

  /** Waits, up to {@code connect-timeout}, for a cluster whose every partition has a leader. */
  private void awaitReady() {
    final long deadline = System.nanoTime() + properties.connectTimeout().toNanos();
    int attempt = 0;
    EngineTopology.Status status;
    while (true) {
      status = topology.probe(READY_PROBE_TIMEOUT);
      if (status.ready()) {
        return;
      }
      final long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ClusterNotReadyException(
            topology.grpcAddress(), properties.connectTimeout(), status.problem());
      }
      LOG.info(
          "Waiting for the Camunda cluster at {}: {}", topology.grpcAddress(), status.problem());
      final long pause = Math.min(properties.deployRetry().after(++attempt).toNanos(), left);
      try {
        // A plain pause: startup is meant to block here (require-connection=true).
        TimeUnit.NANOSECONDS.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterNotReadyException(
            topology.grpcAddress(), properties.connectTimeout(), "interrupted while waiting");
      }
    }
  }

  private RuntimeException refused(final RuntimeException e) {
    if (EngineErrors.isRejection(e)) {
      return new IllegalStateException(
          "The engine at "
              + topology.grpcAddress()
              + " refused the process models "
              + names()
              + ": "
              + EngineErrors.describe(e),
          e);
    }
    return new ClusterNotReadyException(
        topology.grpcAddress(),
        properties.connectTimeout(),
        "deploying the process models failed: " + EngineErrors.describe(e));
  }

  /** The ids of the processes in each BPMN file, by file name. */
  private static Map<String, List<String>> processIds(final Map<String, byte[]> models) {
    final Map<String, List<String>> ids = new LinkedHashMap<>();
    models.forEach(
        (name, bytes) -> {
          if (name.endsWith(".bpmn")) {
            ids.put(
                name,
                Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
                    .getModelElementsByType(Process.class)
                    .stream()
                    .map(Process::getId)
                    .toList());
          }
        });
    return ids;
  }

  /** Model files by name, in name order (a stable deployment), read once. */
  private static Map<String, byte[]> read(final String... locations) {
    final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    final List<Resource> resources = new ArrayList<>();
    for (String location : locations) {
      try {
        resources.addAll(Arrays.asList(resolver.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + location, e);
      }
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException("No process models found at " + Arrays.toString(locations));
    }
    resources.sort(Comparator.comparing(Resource::getFilename));
    final Map<String, byte[]> byName = new LinkedHashMap<>();
    for (Resource resource : resources) {
      try (var in = resource.getInputStream()) {
        byName.put(resource.getFilename(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
    return byName;
  }
}
