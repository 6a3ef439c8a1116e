package com.example.fulfillment.app.timeline;

import com.example.fulfillment.app.timeline.TimelineEntry.Element;
import com.example.fulfillment.app.timeline.TimelineEntry.Job;
import com.example.fulfillment.app.timeline.TimelineEntry.Kind;
import com.example.fulfillment.app.timeline.TimelineEntry.Source;
import com.example.fulfillment.engine.port.EngineRecordListener;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageStartEventSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessMessageSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feeds the timeline from the embedded engine's records (embedded mode): element lifecycle
 * (entered, completed, terminated), job failures, retries and BPMN errors, incidents, and the
 * messages the instances received.
 *
 * <p>A process instance belongs to the order whose id it carries: the start message's correlation
 * key, its root-scope variable {@code orderId}, or (for the {@code shipping} call activity) its
 * parent's order. Records of an instance seen before its order is known wait here until it is. Each
 * batch is stored in one transaction, idempotent per record position (dedupe key {@code engine run
 * + position}; the exporter delivers at least once), and only EVENT records of the intents above
 * are kept, so the listener stays cheap.
 */
public class EngineTimelineListener implements EngineRecordListener {

  private static final int MAX_INSTANCES = 200_000;
  private static final int MAX_PENDING_RECORDS = 100_000;

  private static final Set<ValueType> TYPES =
      Set.of(
          ValueType.PROCESS_INSTANCE,
          ValueType.VARIABLE,
          ValueType.JOB,
          ValueType.INCIDENT,
          ValueType.PROCESS_MESSAGE_SUBSCRIPTION,
          ValueType.MESSAGE_START_EVENT_SUBSCRIPTION);

  /** The intents worth showing (EVENT records only), and what each means on the timeline. */
  private static final Map<Intent, Kind> KINDS =
      Map.ofEntries(
          Map.entry(ProcessInstanceIntent.ELEMENT_ACTIVATED, Kind.ELEMENT_ENTERED),
          Map.entry(ProcessInstanceIntent.ELEMENT_COMPLETED, Kind.ELEMENT_COMPLETED),
          Map.entry(ProcessInstanceIntent.ELEMENT_TERMINATED, Kind.ELEMENT_TERMINATED),
          Map.entry(JobIntent.FAILED, Kind.JOB_FAILED),
          Map.entry(JobIntent.RETRIES_UPDATED, Kind.JOB_RETRIES_UPDATED),
          Map.entry(JobIntent.TIMED_OUT, Kind.JOB_TIMED_OUT),
          Map.entry(JobIntent.ERROR_THROWN, Kind.JOB_ERROR_THROWN),
          Map.entry(IncidentIntent.CREATED, Kind.INCIDENT_CREATED),
          Map.entry(IncidentIntent.RESOLVED, Kind.INCIDENT_RESOLVED),
          Map.entry(ProcessMessageSubscriptionIntent.CORRELATED, Kind.MESSAGE_CORRELATED),
          Map.entry(MessageStartEventSubscriptionIntent.CORRELATED, Kind.MESSAGE_CORRELATED));

  private final Timeline timeline;
  private final String run;

  /** Process instance → order id (bounded, least recently used dropped first). */
  private final Map<Long, String> orderOf =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, String> eldest) {
          return size() > MAX_INSTANCES;
        }
      };

  /** Child instance → parent instance, for children whose parent's order is not known yet. */
  private final Map<Long, Long> parentOf = new HashMap<>();

  /** Entries of instances whose order is not known yet, by instance, oldest instance first. */
  private final Map<Long, List<Pending>> pending = new LinkedHashMap<>();

  private int pendingCount;
  private long highWater = -1;

  /** Entries released from {@link #pending} whose batch failed to store: stored with the next. */
  private List<Pending> unstored = List.of();

  private record Pending(long position, TimelineEntry entry) {}

  public EngineTimelineListener(final Timeline timeline) {
    this.timeline = timeline;
    this.run = UUID.randomUUID().toString();
  }

  /** This engine's lifetime: keys and positions start over with every embedded engine. */
  public String run() {
    return run;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return TYPES;
  }

  @Override
  public synchronized void onRecords(final List<Record<?>> records) {
    final List<Pending> ready = new ArrayList<>(unstored);
    long upTo = highWater;
    for (Record<?> record : records) {
      if (record.getPosition() <= highWater) {
        continue; // delivered again after a failure further down the exporter: stored already
      }
      upTo = Math.max(upTo, record.getPosition());
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      learn(record, ready);
      final TimelineEntry entry = toEntry(record);
      if (entry == null) {
        continue;
      }
      final long instance = entry.element().processInstanceKey();
      final String orderId = orderOf.get(instance);
      if (orderId != null) {
        ready.add(new Pending(record.getPosition(), entry.withOrderId(orderId)));
      } else {
        park(instance, new Pending(record.getPosition(), entry));
      }
      if (isInstanceEnd(record) && orderId == null) {
        drop(instance); // ended without ever naming an order: not an order's instance
      }
    }
    ready.sort(Comparator.comparingLong(Pending::position));
    try {
      timeline.append(ready.stream().map(Pending::entry).toList());
    } catch (RuntimeException e) {
      unstored = ready; // the exporter delivers the batch again; duplicates are skipped by key
      throw e;
    }
    unstored = List.of();
    highWater = upTo;
  }

  /** Learns which order an instance belongs to, and releases what waited for it. */
  private void learn(final Record<?> record, final List<Pending> ready) {
    final Intent intent = record.getIntent();
    if (record.getValue() instanceof MessageStartEventSubscriptionRecordValue start
        && intent == MessageStartEventSubscriptionIntent.CORRELATED
        && start.getProcessInstanceKey() > 0) {
      assign(start.getProcessInstanceKey(), start.getCorrelationKey(), ready);
    } else if (record.getValue() instanceof VariableRecordValue variable
        && intent == VariableIntent.CREATED
        && variable.getScopeKey() == variable.getProcessInstanceKey()
        && Variables.ORDER_ID.equals(variable.getName())) {
      final String orderId = jsonString(variable.getValue());
      if (orderId != null && !orderOf.containsKey(variable.getProcessInstanceKey())) {
        assign(variable.getProcessInstanceKey(), orderId, ready);
      }
    } else if (record.getValue() instanceof ProcessInstanceRecordValue instance
        && intent == ProcessInstanceIntent.ELEMENT_ACTIVATING
        && instance.getBpmnElementType() == BpmnElementType.PROCESS
        && instance.getParentProcessInstanceKey() > 0) {
      final String parentOrder = orderOf.get(instance.getParentProcessInstanceKey());
      if (parentOrder != null) {
        assign(instance.getProcessInstanceKey(), parentOrder, ready);
      } else {
        parentOf.put(instance.getProcessInstanceKey(), instance.getParentProcessInstanceKey());
      }
    }
  }

  private void assign(final long instance, final String orderId, final List<Pending> ready) {
    if (orderId == null || orderId.isBlank()) {
      return;
    }
    orderOf.put(instance, orderId);
    final List<Pending> waiting = pending.remove(instance);
    if (waiting != null) {
      pendingCount -= waiting.size();
      waiting.forEach(p -> ready.add(new Pending(p.position(), p.entry().withOrderId(orderId))));
    }
    final List<Long> children =
        parentOf.entrySet().stream()
            .filter(e -> e.getValue() == instance)
            .map(Map.Entry::getKey)
            .toList();
    for (Long child : children) {
      parentOf.remove(child);
      assign(child, orderId, ready);
    }
  }

  private void park(final long instance, final Pending entry) {
    pending.computeIfAbsent(instance, k -> new ArrayList<>()).add(entry);
    pendingCount++;
    while (pendingCount > MAX_PENDING_RECORDS && !pending.isEmpty()) {
      drop(pending.keySet().iterator().next());
    }
  }

  private void drop(final long instance) {
    final List<Pending> dropped = pending.remove(instance);
    if (dropped != null) {
      pendingCount -= dropped.size();
    }
    parentOf.remove(instance);
  }

  private static boolean isInstanceEnd(final Record<?> record) {
    return record.getValue() instanceof ProcessInstanceRecordValue value
        && value.getBpmnElementType() == BpmnElementType.PROCESS
        && (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** The entry for a record worth showing, without its order id yet; null for the others. */
  private TimelineEntry toEntry(final Record<?> record) {
    final Kind kind = KINDS.get(record.getIntent());
    if (kind == null) {
      return null;
    }
    final Element element = elementOf(record);
    return switch (record.getValue()) {
      case ProcessInstanceRecordValue v ->
          v.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW
              ? null
              : entry(record, kind, element, null, null, null, null);
      case JobRecordValue v ->
          entry(
              record,
              kind,
              element,
              new Job(record.getKey(), v.getType(), v.getRetries()),
              null,
              null,
              kind == Kind.JOB_ERROR_THROWN
                  ? v.getErrorCode() + ": " + v.getErrorMessage()
                  : blankToNull(v.getErrorMessage()));
      case IncidentRecordValue v ->
          entry(
              record,
              kind,
              element,
              new Job(v.getJobKey() > 0 ? v.getJobKey() : null, null, null),
              record.getKey(),
              null,
              v.getErrorType() + ": " + v.getErrorMessage());
      case ProcessMessageSubscriptionRecordValue v ->
          messageCorrelated(record, element, v.getMessageName(), v.getCorrelationKey());
      case MessageStartEventSubscriptionRecordValue v ->
          v.getProcessInstanceKey() <= 0
              ? null
              : messageCorrelated(record, element, v.getMessageName(), v.getCorrelationKey());
      default -> null;
    };
  }

  /**
   * The element a record is about. The protocol's value types name it with the same getters but
   * share no interface for them, hence one case each.
   */
  private static Element elementOf(final Record<?> record) {
    return switch (record.getValue()) {
      case ProcessInstanceRecordValue v ->
          new Element(
              v.getBpmnProcessId(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              record.getKey(),
              v.getBpmnElementType().name());
      case JobRecordValue v ->
          new Element(
              v.getBpmnProcessId(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              v.getElementInstanceKey());
      case IncidentRecordValue v ->
          new Element(
              v.getBpmnProcessId(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              v.getElementInstanceKey());
      case ProcessMessageSubscriptionRecordValue v ->
          new Element(
              v.getBpmnProcessId(),
              v.getProcessInstanceKey(),
              v.getElementId(),
              v.getElementInstanceKey());
      case MessageStartEventSubscriptionRecordValue v ->
          new Element(v.getBpmnProcessId(), v.getProcessInstanceKey(), v.getStartEventId(), null);
      default -> Element.NONE;
    };
  }

  /** A message that reached an instance: a catch event's or a start event's. */
  private TimelineEntry messageCorrelated(
      final Record<?> record,
      final Element element,
      final String messageName,
      final String correlationKey) {
    return entry(
        record,
        Kind.MESSAGE_CORRELATED,
        element,
        null,
        null,
        messageName,
        "correlation key " + correlationKey);
  }

  private TimelineEntry entry(
      final Record<?> record,
      final Kind kind,
      final Element element,
      final Job job,
      final Long incidentKey,
      final String messageName,
      final String detail) {
    return new TimelineEntry(
        null,
        null,
        "e:" + run + ":" + record.getPosition(),
        Instant.ofEpochMilli(record.getTimestamp()),
        Source.ENGINE,
        kind,
        run,
        element,
        job,
        incidentKey,
        messageName,
        detail);
  }

  /** {@code "ord_1"} (a JSON string) → {@code ord_1}; null for anything else. */
  static String jsonString(final String json) {
    if (json == null
        || json.length() < 2
        || json.charAt(0) != '"'
        || json.charAt(json.length() - 1) != '"') {
      return null;
    }
    final String inner = json.substring(1, json.length() - 1);
    return inner.indexOf('\\') >= 0 || inner.indexOf('"') >= 0 ? null : inner;
  }

  private static String blankToNull(final String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
