package com.example.fulfillment.bench;

import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.impl.CamundaClientBuilderImpl;
import io.camunda.client.impl.CamundaClientImpl;
import java.net.URI;
import java.util.List;

/**
 * A Camunda client for an engine in this JVM over the chosen transport ({@code bench.transport}):
 * gRPC's in-process channel (no socket, as the app's own client by default) or TCP on loopback.
 */
final class EngineClients {

  private EngineClients() {}

  static CamundaClient create(final DevEngine engine, final String transport, final int threads) {
    final URI address = URI.create("http://127.0.0.1:" + engine.port());
    final CamundaClientBuilderImpl config = new CamundaClientBuilderImpl();
    config
        .grpcAddress(address)
        .restAddress(address)
        .preferRestOverGrpc(false)
        .numJobWorkerExecutionThreads(threads);
    return switch (transport) {
      case "in-process" -> new CamundaClientImpl(config, engine.openInProcessChannel());
      case "tcp" -> config.build();
      default -> throw new IllegalArgumentException("transport: " + transport);
    };
  }

  /** Stops in the order that loses nothing: workers, their client, the exporter, the engine. */
  static void shutDown(
      final List<JobWorker> workers,
      final CamundaClient client,
      final RecordExport exporter,
      final DevEngine engine) {
    workers.forEach(JobWorker::close);
    client.close();
    exporter.close();
    engine.stop();
  }
}
