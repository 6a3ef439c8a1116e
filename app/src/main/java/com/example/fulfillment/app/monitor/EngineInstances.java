package com.example.fulfillment.app.monitor;

import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the timeline does not keep of the embedded engine's process instances, for the monitor page:
 * each instance's process variables (its root scope, latest value) and the sequence flows it took.
 * In memory only and bounded (the least recently touched instances are dropped first); the embedded
 * engine's state is in memory too, so nothing is lost that the engine still has.
 */
public class EngineInstances implements EngineRecordListener {

  static final int MAX_INSTANCES = 5_000;
  static final int MAX_VALUE_CHARS = 2_000;
  static final int MAX_VARIABLES = 100;

  /** Characters of variable values kept over all instances (~16 MB); the oldest go first. */
  static final long MAX_TOTAL_CHARS = 8_000_000;

  /** One instance as recorded. */
  public record Instance(
      long processInstanceKey,
      String bpmnProcessId,
      Map<String, String> variables,
      List<String> takenFlows) {}

  private static final class State {
    final String processId;
    long chars;
    final Map<String, String> variables = new TreeMap<>();
    final Set<String> flows = new LinkedHashSet<>();

    State(final String processId) {
      this.processId = processId;
    }
  }

  private final Map<Long, State> instances =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, State> eldest) {
          if (size() > MAX_INSTANCES) {
            totalChars -= eldest.getValue().chars;
            return true;
          }
          return false;
        }
      };

  private long totalChars;

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_INSTANCE, ValueType.VARIABLE);
  }

  @Override
  public synchronized void onRecords(final List<Record<?>> records) {
    for (Record<?> record : records) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValue() instanceof ProcessInstanceRecordValue v
          && record.getIntent() == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
        state(v.getProcessInstanceKey(), v.getBpmnProcessId()).flows.add(v.getElementId());
      } else if (record.getValue() instanceof VariableRecordValue v
          && (record.getIntent() == VariableIntent.CREATED
              || record.getIntent() == VariableIntent.UPDATED)
          && v.getScopeKey() == v.getProcessInstanceKey()) {
        final State state = state(v.getProcessInstanceKey(), v.getBpmnProcessId());
        if (state.variables.size() < MAX_VARIABLES || state.variables.containsKey(v.getName())) {
          final String value = truncate(v.getValue());
          final String old = state.variables.put(v.getName(), value);
          final long delta = length(value) - length(old);
          state.chars += delta;
          totalChars += delta;
        }
      }
    }
    final var eldest = instances.entrySet().iterator();
    while (totalChars > MAX_TOTAL_CHARS && eldest.hasNext()) {
      totalChars -= eldest.next().getValue().chars;
      eldest.remove();
    }
  }

  private static long length(final String s) {
    return s == null ? 0 : s.length();
  }

  private State state(final long key, final String processId) {
    return instances.computeIfAbsent(key, k -> new State(processId));
  }

  /** The instance, if the engine of this app's lifetime ran it and it was not dropped. */
  public synchronized Optional<Instance> find(final long processInstanceKey) {
    final State state = instances.get(processInstanceKey);
    return state == null
        ? Optional.empty()
        : Optional.of(
            new Instance(
                processInstanceKey,
                state.processId,
                new TreeMap<>(state.variables),
                new ArrayList<>(state.flows)));
  }

  private static String truncate(final String json) {
    return json == null || json.length() <= MAX_VALUE_CHARS
        ? json
        : json.substring(0, MAX_VALUE_CHARS - 1) + "…";
  }
}
