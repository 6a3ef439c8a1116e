package com.example.fulfillment.bench;

import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.testing.JobStubs;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The baseline: the same embedded engine the app runs (RocksDB state, in-process exporter, log
 * trimming), the same models, and no-op workers that complete every job at once with just the
 * variables the happy path needs. What the app does on top of this is its cost.
 */
final class RawEngine implements AutoCloseable {

  private final DevEngine engine;
  private final RecordExport exporter;
  private final CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  RawEngine(final Completions completions, final String transport, final int workerThreads)
      throws IOException {
    engine =
        "MEMORY".equals(System.getProperty("bench.state", "ROCKSDB"))
            ? DevEngineFactory.create(InetAddress.getLoopbackAddress(), 0)
            : DevEngineFactory.createWithRocksDb(InetAddress.getLoopbackAddress(), 0);
    engine.start();
    exporter = engine.export(List.of(completions), true);
    client = EngineClients.create(engine, transport, workerThreads);
    deployModels();
    openNoOpWorkers();
  }

  private void deployModels() throws IOException {
    final Resource[] models =
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.*");
    var command = client.newDeployResourceCommand();
    var step =
        (io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2) null;
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        step =
            step == null
                ? command.addResourceBytes(in.readAllBytes(), model.getFilename())
                : step.addResourceBytes(in.readAllBytes(), model.getFilename());
      }
    }
    step.send().join();
  }

  private void openNoOpWorkers() {
    final Map<String, Map<String, Object>> outputs =
        Map.ofEntries(
            Map.entry(
                JobTypes.VALIDATE_ORDER,
                Map.of(
                    "total", 25.0, "currency", "EUR", "totalWeightKg", 1.0, "previousOrders", 1)),
            Map.entry(
                JobTypes.CHARGE_PAYMENT, Map.of("paymentStatus", "CHARGED", "chargeId", "ch")),
            Map.entry(JobTypes.PICK_AND_PACK, Map.of("packageId", "pkg")),
            Map.entry(JobTypes.GENERATE_INVOICE, Map.of("invoiceNumber", "inv")),
            Map.entry(JobTypes.GIFT_WRAP, Map.of("giftWrapped", true)),
            Map.entry(JobTypes.INSURE_SHIPMENT, Map.of("insurancePolicy", "pol")),
            Map.entry(
                JobTypes.CREATE_SHIPMENT, Map.of("shipmentId", "shp", "trackingNumber", "trk")),
            Map.entry(JobTypes.ASSIGN_CARRIER, Map.of("carrier", "carrier")),
            Map.entry(JobTypes.ASSIGN_DRONE, Map.of("carrier", "drone")),
            Map.entry(
                JobTypes.SCHEDULE_DELIVERY, Map.of("estimatedDelivery", "2030-01-01T00:00:00Z")));
    for (String type : jobTypes()) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler(
                  (jobClient, job) -> {
                    Map<String, Object> result = outputs.getOrDefault(type, Map.of());
                    if (type.equals(JobTypes.RESERVE_STOCK)) {
                      result = JobStubs.reserved(job);
                    }
                    jobClient.newCompleteCommand(job).variables(result).send().join();
                    if (type.equals(JobTypes.SCHEDULE_DELIVERY)) {
                      // the carrier reports the delivery at once
                      final String orderId = (String) job.getVariablesAsMap().get("orderId");
                      client
                          .newPublishMessageCommand()
                          .messageName(Messages.SHIPMENT_DELIVERED)
                          .correlationKey(orderId)
                          .messageId("delivered-" + orderId)
                          .send()
                          .join();
                    }
                  })
              .maxJobsActive(Integer.getInteger("bench.maxJobsActive", 256))
              .streamEnabled(true)
              .timeout(Duration.ofMinutes(5))
              .open());
    }
  }

  private static List<String> jobTypes() {
    final List<String> types = new ArrayList<>();
    for (var field : JobTypes.class.getDeclaredFields()) {
      if (field.getType() == String.class
          && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        try {
          types.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return types;
  }

  /** Starts an order like the app does: the message start event, message id = order id. */
  void start(final String orderId) {
    client
        .newPublishMessageCommand()
        .messageName(Messages.ORDER_RECEIVED)
        .correlationKey(orderId)
        .messageId(orderId)
        .timeToLive(Duration.ofMinutes(10))
        .variables(
            Map.of(
                "orderId",
                orderId,
                "customerId",
                "bench",
                "lines",
                List.of(Map.of("sku", "SKU-1", "quantity", 1)),
                "shippingCountry",
                "DE",
                "express",
                false,
                "giftWrap",
                false,
                "insurance",
                false,
                "correlationId",
                orderId,
                "paymentConfirmationTimeout",
                "PT15M",
                "deliverySla",
                "P3D"))
        .send()
        .join(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    EngineClients.shutDown(workers, client, exporter, engine);
  }
}
