package com.example.fulfillment.app.models;

import com.example.fulfillment.app.engine.DeploymentRecords;
import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.engine.ProcessModels;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deploys models an operator uploads, through the Camunda client: each process becomes a new
 * version at once, without a restart (identical content stays at the version the engine has).
 * Orders already running stay on their version; new ones start on the latest, since {@code
 * OrderReceived} is a message start event, which the engine correlates to the latest version.
 */
@Service
class ModelDeployment {

  /** A first deployment of a cold engine parses and compiles for seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  /** One uploaded file. */
  record Upload(String name, byte[] content) {}

  /** A process of the deployment, at the version the engine runs it as. */
  record DeployedProcess(
      String bpmnProcessId,
      int version,
      String versionTag,
      long processDefinitionKey,
      String resourceName) {}

  /** A decision of the deployment. */
  record DeployedDecision(String decisionId, int version, long decisionKey) {}

  /** What the engine answered. */
  record Deployment(
      long deploymentKey, List<DeployedProcess> processes, List<DeployedDecision> decisions) {}

  /** The engine refused the models; the message is the engine's reason. */
  static class InvalidModelException extends RuntimeException {
    InvalidModelException(final String reason) {
      super(reason);
    }
  }

  private final CamundaClient client;
  private final ProcessDeployments deployments;

  ModelDeployment(final CamundaClient client, final ProcessDeployments deployments) {
    this.client = client;
    this.deployments = deployments;
  }

  /**
   * @param who the authenticated principal, for the log
   * @throws InvalidModelException if the engine refuses a model
   * @throws EngineUnavailableException if the engine cannot be reached
   */
  Deployment deploy(final List<Upload> uploads, final String who) {
    final Map<String, byte[]> resources = new LinkedHashMap<>();
    uploads.forEach(u -> resources.put(u.name(), u.content()));
    final DeployResourceCommandStep2 command =
        ProcessModels.deployCommand(client, resources)
            .orElseThrow(() -> new IllegalArgumentException("nothing to deploy"));
    final DeploymentEvent event;
    try {
      event =
          command
              .requestTimeout(TIMEOUT)
              .send()
              .join(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
        LOG.warn(
            "Deployment of {} by {} refused by the engine: {}",
            resources.keySet(),
            who,
            e.getStatus().getDescription());
        throw new InvalidModelException(e.getStatus().getDescription());
      }
      throw e; // the API's handler: 503 when the engine is unavailable, else 500
    } catch (ClientException e) {
      throw new EngineUnavailableException(e.getMessage(), e);
    }
    final List<DeployedProcess> processes =
        deployments.record(event, resources, DeploymentRecords.Source.API).stream()
            .map(
                d ->
                    new DeployedProcess(
                        d.bpmnProcessId(),
                        d.version(),
                        d.versionTag(),
                        d.processDefinitionKey(),
                        d.resourceName()))
            .toList();
    final List<DeployedDecision> decisions =
        event.getDecisions().stream()
            .map(
                d -> new DeployedDecision(d.getDmnDecisionId(), d.getVersion(), d.getDecisionKey()))
            .toList();
    LOG.info(
        "Deployment {} by {}: {} → processes {}, decisions {}",
        event.getKey(),
        who,
        resources.keySet(),
        processes.stream()
            .map(
                p ->
                    p.bpmnProcessId()
                        + " version "
                        + p.version()
                        + (p.versionTag() == null ? "" : " (tag " + p.versionTag() + ")"))
            .toList(),
        decisions.stream().map(d -> d.decisionId() + " version " + d.version()).toList());
    return new Deployment(event.getKey(), processes, decisions);
  }
}
