package com.example.fulfillment.engine.port;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.util.List;
import java.util.Set;

/**
 * Receives the development engine's records, in log order, like a Zeebe exporter would. Only the
 * value types a listener asks for are delivered. Called from one exporter thread; a listener that
 * throws gets the same batch again after a pause (at-least-once), so it must be idempotent.
 */
public interface EngineRecordListener {

  Set<ValueType> valueTypes();

  void onRecords(List<Record<?>> records);
}
