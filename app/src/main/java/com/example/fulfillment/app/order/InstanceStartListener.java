package com.example.fulfillment.app.order;

import com.example.fulfillment.engine.port.EngineRecordListener;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Processes;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent;
import io.camunda.zeebe.protocol.record.value.MessageStartEventSubscriptionRecordValue;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Embedded mode: links an order to its process instance the moment the engine creates it from the
 * start message (seen in the engine's records), instead of when the first job runs. {@code POST
 * /api/orders}, which waits for the link to report the instance key, answers that much sooner. The
 * first job links it too (both modes); the first link wins and both name the same instance.
 */
@Component
class InstanceStartListener implements EngineRecordListener {

  private final OrderService orders;

  InstanceStartListener(final OrderService orders) {
    this.orders = orders;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.MESSAGE_START_EVENT_SUBSCRIPTION);
  }

  @Override
  public void onRecords(final List<Record<?>> records) {
    for (Record<?> record : records) {
      if (record.getRecordType() == RecordType.EVENT
          && record.getIntent() == MessageStartEventSubscriptionIntent.CORRELATED
          && record.getValue() instanceof MessageStartEventSubscriptionRecordValue start
          && Processes.ORDER_FULFILLMENT.equals(start.getBpmnProcessId())
          && Messages.ORDER_RECEIVED.equals(start.getMessageName())
          && start.getProcessInstanceKey() > 0) {
        orders.recordProcessInstance(start.getCorrelationKey(), start.getProcessInstanceKey());
      }
    }
  }
}
