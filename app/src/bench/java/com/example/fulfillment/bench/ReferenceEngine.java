package com.example.fulfillment.bench;

import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine-level comparison: a simple reference order ({@code bench/reference-order.bpmn}, 8 jobs
 * per instance) with no-op streaming workers on one engine configuration, in this JVM.
 *
 * <ul>
 *   <li>{@code stock}: the test engine's own configuration: in-memory state, the whole log kept
 *       (zeebe-process-test's EngineFactory itself binds every interface, which the benchmark must
 *       not, so the same setup is built on loopback);
 *   <li>{@code dev}: the development engine as the app runs it: RocksDB state, log trimmed once
 *       processed and exported.
 * </ul>
 */
final class ReferenceEngine implements AutoCloseable {

  static final String PROCESS_ID = "bench-reference-order";
  static final List<String> VARIANTS = List.of("stock", "dev");
  private static final String MODEL = "bench/reference-order.bpmn";
  private static final List<String> JOB_TYPES =
      List.of(
          "bench-validate",
          "bench-reserve",
          "bench-charge",
          "bench-pick",
          "bench-invoice",
          "bench-ship");

  private final DevEngine engine;
  private final RecordExport exporter;
  private final CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  ReferenceEngine(
      final String variant,
      final Completions completions,
      final String transport,
      final int workerThreads) {
    final InetAddress loopback = InetAddress.getLoopbackAddress();
    engine =
        switch (variant) {
          case "stock" -> DevEngineFactory.create(loopback, 0);
          case "dev" -> DevEngineFactory.createWithRocksDb(loopback, 0);
          default -> throw new IllegalArgumentException("engine variant: " + variant);
        };
    engine.start();
    exporter = engine.export(List.of(completions), variant.equals("dev"));
    client = EngineClients.create(engine, transport, workerThreads);
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath(MODEL)
        .send()
        .join(30, TimeUnit.SECONDS);
    for (String type : JOB_TYPES) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
              .maxJobsActive(Integer.getInteger("bench.maxJobsActive", 256))
              .streamEnabled(true)
              .timeout(Duration.ofMinutes(5))
              .open());
    }
  }

  /** Creates one instance: three items (three reserve jobs), the default route (ship). */
  void start(final String orderId) {
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(Map.of("orderId", orderId, "items", List.of(1, 2, 3), "route", "deliver"))
        .send()
        .join(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    EngineClients.shutDown(workers, client, exporter, engine);
  }
}
