package com.example.fulfillment.bench;

import com.example.fulfillment.engine.port.EngineRecordListener;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hears, from the engine's own records, when an order's {@code order-fulfillment} instance (or
 * another process's, see {@link #Completions(String)}) ends, the same way in all benchmark modes
 * (raw engine and app): an exporter listener, no polling.
 */
final class Completions implements EngineRecordListener {

  private final String processId;
  private final Map<Long, String> orderByInstance = new ConcurrentHashMap<>();

  /** Completions of {@code order-fulfillment}. */
  Completions() {
    this(Processes.ORDER_FULFILLMENT);
  }

  /** Completions of another process whose instances carry an {@code orderId} variable. */
  Completions(final String processId) {
    this.processId = processId;
  }

  private volatile Consumer<String> onCompleted = orderId -> {};

  void onCompleted(final Consumer<String> callback) {
    onCompleted = callback;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_INSTANCE, ValueType.VARIABLE);
  }

  @Override
  public void onRecords(final List<Record<?>> records) {
    for (Record<?> record : records) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (record.getValue() instanceof VariableRecordValue v
          && record.getIntent() == VariableIntent.CREATED
          && v.getScopeKey() == v.getProcessInstanceKey()
          && v.getName().equals(Variables.ORDER_ID)
          && v.getBpmnProcessId().equals(processId)) {
        orderByInstance.put(v.getProcessInstanceKey(), v.getValue().replace("\"", ""));
      } else if (record.getValue() instanceof ProcessInstanceRecordValue p
          && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && p.getBpmnElementType() == BpmnElementType.PROCESS
          && p.getBpmnProcessId().equals(processId)) {
        final String orderId = orderByInstance.remove(p.getProcessInstanceKey());
        if (orderId != null) {
          onCompleted.accept(orderId);
        }
      }
    }
  }
}
