package com.example.fulfillment.devengine;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;

/** What these tests do with a started engine: a gRPC client, and a one-task process deployed. */
final class Clients {

  private Clients() {}

  /** A client of the engine's gRPC gateway (it has no REST API). */
  static CamundaClient of(final DevEngine engine) {
    final URI address = URI.create("http://" + engine.gatewayAddress());
    return CamundaClient.newClientBuilder()
        .grpcAddress(address)
        .restAddress(address)
        .preferRestOverGrpc(false)
        .build();
  }

  /** Deploys process {@code processId}: start → service task of job type {@code jobType} → end. */
  static void deployOneTask(
      final CamundaClient client, final String processId, final String jobType) {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask(jobType, t -> t.zeebeJobType(jobType))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
  }
}
