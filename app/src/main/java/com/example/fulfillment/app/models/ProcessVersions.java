package com.example.fulfillment.app.models;

import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The process versions the engine runs and the instances each one holds, for deployments, migration
 * and repair.
 *
 * <p><b>Embedded mode</b>: from the engine's own records, so it sees every deployment (the app's,
 * the API's, Desktop Modeler's), every active instance with its active elements, and every
 * migration. <b>Remote mode</b>: the engine's records are not visible; only the deployments this
 * app made are known ({@link #deployed}), and no instance ({@link #seesInstances()} is false: ask
 * Operate).
 *
 * <p>In memory: the embedded engine's state is in memory too, and starts over with the app. Only
 * active instances are kept, so the size follows the orders in flight.
 */
public class ProcessVersions implements EngineRecordListener {

  /** One deployed version of a process. */
  public record Definition(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String versionTag,
      String resourceName,
      long deploymentKey,
      Instant deployedAt,
      byte[] xml) {}

  /** An element instance that is active now (waiting, or being worked on). */
  public record ActiveElement(long elementInstanceKey, String elementId, BpmnElementType type) {}

  /** A process instance that has not ended, with the version it runs on and its active elements. */
  public record ActiveInstance(
      long processInstanceKey,
      String bpmnProcessId,
      long processDefinitionKey,
      int version,
      List<ActiveElement> elements) {}

  private static final class Running {
    String bpmnProcessId;
    long definitionKey;
    int version;
    final Map<Long, ActiveElement> elements = new LinkedHashMap<>();
  }

  private final boolean seesInstances;
  private final Map<Long, Definition> definitions = new HashMap<>();
  private final Map<Long, Running> running = new HashMap<>();

  /**
   * @param seesInstances whether the engine's records reach this (embedded mode)
   */
  public ProcessVersions(final boolean seesInstances) {
    this.seesInstances = seesInstances;
  }

  /** Whether instances are known (embedded mode), or only this app's deployments (remote). */
  public boolean seesInstances() {
    return seesInstances;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS, ValueType.PROCESS_INSTANCE);
  }

  @Override
  public synchronized void onRecords(final List<Record<?>> records) {
    records.stream().filter(r -> r.getRecordType() == RecordType.EVENT).forEach(this::onEvent);
  }

  private void onEvent(final Record<?> record) {
    if (record.getValue() instanceof ProcessInstanceRecordValue v) {
      onElement((ProcessInstanceIntent) record.getIntent(), v, record.getKey());
    } else if (record.getValue() instanceof Process p) {
      if (record.getIntent() == ProcessIntent.DELETED) {
        definitions.remove(p.getProcessDefinitionKey());
      } else if (record.getIntent() == ProcessIntent.CREATED) {
        definitions.put(p.getProcessDefinitionKey(), definitionOf(p, record.getTimestamp()));
      }
    }
  }

  private static Definition definitionOf(final Process p, final long timestamp) {
    return new Definition(
        p.getProcessDefinitionKey(),
        p.getBpmnProcessId(),
        p.getVersion(),
        emptyToNull(p.getVersionTag()),
        p.getResourceName(),
        p.getDeploymentKey(),
        Instant.ofEpochMilli(timestamp),
        p.getResource());
  }

  private void onElement(
      final ProcessInstanceIntent intent, final ProcessInstanceRecordValue v, final long key) {
    final boolean process = v.getBpmnElementType() == BpmnElementType.PROCESS;
    switch (intent) {
      case ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> {
        final Running instance =
            running.computeIfAbsent(v.getProcessInstanceKey(), k -> new Running());
        if (process) {
          instance.bpmnProcessId = v.getBpmnProcessId();
          instance.definitionKey = v.getProcessDefinitionKey();
          instance.version = v.getVersion();
        } else if (v.getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW) {
          instance.elements.put(
              key, new ActiveElement(key, v.getElementId(), v.getBpmnElementType()));
        }
      }
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        if (process) {
          running.remove(v.getProcessInstanceKey());
        } else {
          final Running instance = running.get(v.getProcessInstanceKey());
          if (instance != null) {
            instance.elements.remove(key);
          }
        }
      }
      default -> {
        // the other intents change neither the version nor what is active
      }
    }
  }

  /** What this app's own deployment returned (the only source of versions in remote mode). */
  public synchronized void deployed(final List<Definition> deployed) {
    deployed.forEach(d -> definitions.putIfAbsent(d.processDefinitionKey(), d));
  }

  /** Every known version, by process id, then version. */
  public synchronized List<Definition> definitions() {
    final List<Definition> all = new ArrayList<>(definitions.values());
    all.sort(Comparator.comparing(Definition::bpmnProcessId).thenComparingInt(Definition::version));
    return all;
  }

  public synchronized Optional<Definition> definition(final long processDefinitionKey) {
    return Optional.ofNullable(definitions.get(processDefinitionKey));
  }

  /** The given version of a process, if deployed. */
  public synchronized Optional<Definition> definition(
      final String bpmnProcessId, final int version) {
    return definitions.values().stream()
        .filter(d -> d.bpmnProcessId().equals(bpmnProcessId) && d.version() == version)
        .findFirst();
  }

  /** The latest version of a process, if deployed. */
  public synchronized Optional<Definition> latest(final String bpmnProcessId) {
    return definitions.values().stream()
        .filter(d -> d.bpmnProcessId().equals(bpmnProcessId))
        .max(Comparator.comparingInt(Definition::version));
  }

  /** Active instances per process definition key (embedded mode; empty otherwise). */
  public synchronized Map<Long, Integer> activeInstanceCounts() {
    final Map<Long, Integer> counts = new HashMap<>();
    running.values().stream()
        .filter(r -> r.bpmnProcessId != null)
        .forEach(r -> counts.merge(r.definitionKey, 1, Integer::sum));
    return counts;
  }

  /** The active instances of one version, oldest key first. */
  public synchronized List<ActiveInstance> activeInstancesOf(final long processDefinitionKey) {
    return running.entrySet().stream()
        .filter(e -> e.getValue().bpmnProcessId != null)
        .filter(e -> e.getValue().definitionKey == processDefinitionKey)
        .sorted(Map.Entry.comparingByKey())
        .map(e -> snapshot(e.getKey(), e.getValue()))
        .toList();
  }

  /** The instance, while it is active (embedded mode). */
  public synchronized Optional<ActiveInstance> activeInstance(final long processInstanceKey) {
    final Running r = running.get(processInstanceKey);
    return r == null || r.bpmnProcessId == null
        ? Optional.empty()
        : Optional.of(snapshot(processInstanceKey, r));
  }

  private static ActiveInstance snapshot(final long key, final Running r) {
    return new ActiveInstance(
        key, r.bpmnProcessId, r.definitionKey, r.version, List.copyOf(r.elements.values()));
  }

  private static String emptyToNull(final String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
