package com.example.fulfillment.devengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.engine.port.DevelopmentEngine;
import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process exporter delivers every record once, in order, and keeps the log bounded. */
class RecordExporterTest {

  private DevEngine engine;
  private CamundaClient client;
  private DevelopmentEngine.RecordExport exporter;
  private final List<Record<?>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    engine = DevEngineFactory.create(InetAddress.getLoopbackAddress(), 0);
    engine.start();
    client = Clients.of(engine);
    final EngineRecordListener listener =
        new EngineRecordListener() {
          @Override
          public Set<ValueType> valueTypes() {
            return Set.of(ValueType.PROCESS_INSTANCE);
          }

          @Override
          public void onRecords(final List<Record<?>> records) {
            received.addAll(records);
          }
        };
    exporter = engine.export(List.of(listener), true);
  }

  @AfterEach
  void stop() {
    exporter.close();
    client.close();
    engine.stop();
  }

  @Test
  void deliversEveryProcessInstanceRecordInOrderAndTrimsTheLog() {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("two-steps")
                .startEvent()
                .serviceTask("a", t -> t.zeebeJobType("a"))
                .serviceTask("b", t -> t.zeebeJobType("b"))
                .endEvent()
                .done(),
            "two-steps.bpmn")
        .send()
        .join();
    try (JobWorker a = worker("a");
        JobWorker b = worker("b")) {
      final int instances = 200;
      for (int i = 0; i < instances; i++) {
        client.newCreateInstanceCommand().bpmnProcessId("two-steps").latestVersion().send().join();
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> completedProcesses() == instances);
      final long retainedWhileBusy = engine.retainedLogBlocks();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(engine.retainedLogBlocks()).isLessThan(20));
      assertThat(retainedWhileBusy).isGreaterThan(0);
    }

    final List<Long> positions = received.stream().map(Record::getPosition).toList();
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    assertThat(received).allMatch(r -> r.getValueType() == ValueType.PROCESS_INSTANCE);
  }

  private long completedProcesses() {
    return received.stream()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getBpmnElementType() == BpmnElementType.PROCESS)
        .count();
  }

  private JobWorker worker(final String type) {
    return client
        .newWorker()
        .jobType(type)
        .handler((c, job) -> c.newCompleteCommand(job).send().join())
        .streamEnabled(true)
        .open();
  }
}
