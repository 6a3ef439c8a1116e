package com.example.fulfillment.app.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import java.util.List;
import java.util.stream.StreamSupport;

/** The messages the in-process engine's record stream shows. */
public final class EngineMessages {

  private EngineMessages() {}

  /**
   * The messages published with this message id (an event's id): one however often the event came.
   * Read it once the engine is idle.
   */
  public static List<MessageRecordValue> published(
      final ZeebeTestEngine engine, final String messageId) {
    return StreamSupport.stream(
            RecordStream.of(engine.getRecordStreamSource()).messageRecords().spliterator(), false)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
        .map(Record::getValue)
        .filter(m -> messageId.equals(m.getMessageId()))
        .toList();
  }
}
