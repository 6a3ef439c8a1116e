package com.example.fulfillment.testing;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;

/** Reads what the in-process engine did from its record stream: the ground truth for tests. */
public final class ProcessRecords {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(10);

  private final ZeebeTestEngine engine;

  public ProcessRecords(final ZeebeTestEngine engine) {
    this.engine = engine;
  }

  private RecordStream stream() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  private static <T> Stream<T> streamOf(final Iterable<T> iterable) {
    return StreamSupport.stream(iterable.spliterator(), false);
  }

  private Stream<Record<ProcessInstanceRecordValue>> processInstanceEvents(
      final long processInstanceKey) {
    return streamOf(stream().processInstanceRecords())
        .filter(r -> r.getRecordType() == RecordType.EVENT)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey);
  }

  private Stream<Record<ProcessInstanceRecordValue>> elementEvents(
      final long processInstanceKey, final ProcessInstanceIntent intent) {
    return processInstanceEvents(processInstanceKey)
        .filter(r -> r.getIntent() == intent)
        .filter(r -> r.getValue().getBpmnElementType() != BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW);
  }

  /**
   * Every record of jobs of {@code type} (commands, events, rejections), the activations that
   * handed out jobs and how many handed out none: what a test reports when a job it waits for
   * cannot be activated.
   */
  public List<String> jobHistory(final String type) {
    final Map<Long, String> byPosition = new TreeMap<>();
    streamOf(stream().jobRecords())
        .filter(r -> type.equals(r.getValue().getType()))
        .forEach(
            r ->
                byPosition.put(
                    r.getPosition(),
                    r.getPosition()
                        + " "
                        + r.getRecordType()
                        + " "
                        + r.getIntent()
                        + " job "
                        + r.getKey()
                        + " pi "
                        + r.getValue().getProcessInstanceKey()
                        + " worker '"
                        + r.getValue().getWorker()
                        + "' retries "
                        + r.getValue().getRetries()));
    long empty = 0;
    for (Record<JobBatchRecordValue> r : streamOf(stream().jobBatchRecords()).toList()) {
      if (r.getRecordType() != RecordType.EVENT || !type.equals(r.getValue().getType())) {
        continue;
      }
      if (r.getValue().getJobKeys().isEmpty()) {
        empty++;
      } else {
        byPosition.put(
            r.getPosition(),
            r.getPosition()
                + " JOB_BATCH "
                + r.getIntent()
                + " to '"
                + r.getValue().getWorker()
                + "': jobs "
                + r.getValue().getJobKeys());
      }
    }
    final List<String> lines = new ArrayList<>(byPosition.values());
    lines.add(empty + " activations handed out no job");
    return lines;
  }

  // ---- instances -------------------------------------------------------------------------

  /** The instance that carries {@code orderId} as a variable, once the engine created it. */
  public Optional<Long> processInstanceOfOrder(final String orderId) {
    return instanceOf(null, orderId);
  }

  /** The instance of {@code bpmnProcessId} whose variable {@code orderId} is the given one. */
  public Optional<Long> instanceOf(final String bpmnProcessId, final String orderId) {
    final String json = "\"" + orderId + "\"";
    return streamOf(stream().variableRecords())
        .filter(r -> bpmnProcessId == null || r.getValue().getBpmnProcessId().equals(bpmnProcessId))
        .filter(r -> r.getValue().getScopeKey() == r.getValue().getProcessInstanceKey())
        .filter(
            r -> r.getValue().getName().equals("orderId") && r.getValue().getValue().equals(json))
        .map(r -> r.getValue().getProcessInstanceKey())
        .findFirst();
  }

  /** Waits until an instance of {@code bpmnProcessId} for the order exists and returns its key. */
  public long awaitInstanceOf(final String bpmnProcessId, final String orderId) {
    return awaiting(bpmnProcessId + " instance of " + orderId)
        .until(() -> instanceOf(bpmnProcessId, orderId), Optional::isPresent)
        .orElseThrow();
  }

  /** Keys of the instances of {@code bpmnProcessId} created so far. */
  public List<Long> instancesOf(final String bpmnProcessId) {
    return streamOf(stream().processInstanceRecords())
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnProcessId().equals(bpmnProcessId))
        .map(r -> r.getValue().getProcessInstanceKey())
        .toList();
  }

  /** How many process instances of {@code bpmnProcessId} the engine has created so far. */
  public long instancesCreated(final String bpmnProcessId) {
    return instancesOf(bpmnProcessId).size();
  }

  /** Child instances started by call activities of the given instance. */
  public List<Long> childInstances(final long parentProcessInstanceKey) {
    return streamOf(stream().processInstanceRecords())
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getParentProcessInstanceKey() == parentProcessInstanceKey)
        .map(r -> r.getValue().getProcessInstanceKey())
        .toList();
  }

  /** Waits for the (single) child instance of the given instance. */
  public long awaitChildInstance(final long parentProcessInstanceKey) {
    return awaiting("child of " + parentProcessInstanceKey)
        .until(() -> childInstances(parentProcessInstanceKey), l -> !l.isEmpty())
        .getFirst();
  }

  /** How this class waits for the records: from at once, every {@code POLL}, up to {@code WAIT}. */
  private static ConditionFactory awaiting(final String what) {
    return await(what).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL);
  }

  // ---- elements --------------------------------------------------------------------------

  /** Ids of the elements the instance completed, in the order it completed them. */
  public List<String> completedElements(final long processInstanceKey) {
    return elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  /** Ids of the elements the instance activated, in the order it activated them. */
  public List<String> activatedElements(final long processInstanceKey) {
    return elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_ACTIVATED);
  }

  private List<String> elementIds(
      final long processInstanceKey, final ProcessInstanceIntent intent) {
    return elementEvents(processInstanceKey, intent).map(r -> r.getValue().getElementId()).toList();
  }

  /** Ids of the sequence flows the instance took, in order. */
  public List<String> takenFlows(final long processInstanceKey) {
    return processInstanceEvents(processInstanceKey)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** Ids of the elements the instance terminated. */
  public List<String> terminatedElements(final long processInstanceKey) {
    return elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /**
   * The lifecycle of the given elements as {@code "ACTIVATED Id"} / {@code "COMPLETED Id"} / {@code
   * "TERMINATED Id"} lines, in log order: shows whether steps ran one after the other.
   */
  public List<String> lifecycle(final long processInstanceKey, final String... elementIds) {
    final Set<String> ids = Set.of(elementIds);
    final Set<ProcessInstanceIntent> intents =
        Set.of(
            ProcessInstanceIntent.ELEMENT_ACTIVATED,
            ProcessInstanceIntent.ELEMENT_COMPLETED,
            ProcessInstanceIntent.ELEMENT_TERMINATED);
    return processInstanceEvents(processInstanceKey)
        .filter(r -> intents.contains((ProcessInstanceIntent) r.getIntent()))
        .filter(r -> ids.contains(r.getValue().getElementId()))
        .map(
            r ->
                r.getIntent().name().substring("ELEMENT_".length())
                    + " "
                    + r.getValue().getElementId())
        .toList();
  }

  public boolean hasCompleted(final long processInstanceKey, final String elementId) {
    return completedElements(processInstanceKey).contains(elementId);
  }

  public boolean hasActivated(final long processInstanceKey, final String elementId) {
    return activatedElements(processInstanceKey).contains(elementId);
  }

  /** Waits until the instance has activated {@code elementId} (e.g. a message catch event). */
  public void awaitActivated(final long processInstanceKey, final String elementId) {
    awaiting(elementId + " activated").until(() -> hasActivated(processInstanceKey, elementId));
  }

  /** Waits until the instance has completed {@code elementId}. */
  public void awaitCompleted(final long processInstanceKey, final String elementId) {
    awaiting(elementId + " completed").until(() -> hasCompleted(processInstanceKey, elementId));
  }

  // ---- the instance as a whole -----------------------------------------------------------

  public boolean isCompleted(final long processInstanceKey) {
    return processReached(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  /** Whether the instance itself (not one of its elements) reached {@code intent}. */
  private boolean processReached(
      final long processInstanceKey, final ProcessInstanceIntent intent) {
    return processInstanceEvents(processInstanceKey)
        .anyMatch(
            r ->
                r.getIntent() == intent
                    && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
  }

  /** Incidents the engine created for the instance, oldest first. */
  public List<Record<IncidentRecordValue>> incidentsCreated(final long processInstanceKey) {
    return StreamSupport.stream(stream().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .toList();
  }

  /** The latest value (JSON) the instance gave variable {@code name}, in any scope. */
  public Optional<String> lastVariable(final long processInstanceKey, final String name) {
    return StreamSupport.stream(stream().variableRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .filter(r -> r.getValue().getName().equals(name))
        .reduce((first, second) -> second)
        .map(r -> r.getValue().getValue());
  }

  public boolean isTerminated(final long processInstanceKey) {
    return processReached(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** Waits until the instance has completed. */
  public void awaitProcessCompleted(final long processInstanceKey) {
    awaiting("instance " + processInstanceKey + " completed")
        .until(() -> isCompleted(processInstanceKey));
  }

  // ---- variables -------------------------------------------------------------------------

  /**
   * The latest value (JSON) of the variable {@code name} in the instance's root scope, if the
   * instance ever had it.
   */
  public Optional<String> variable(final long processInstanceKey, final String name) {
    return streamOf(stream().variableRecords())
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .filter(v -> v.getScopeKey() == processInstanceKey)
        .filter(v -> v.getName().equals(name))
        .map(VariableRecordValue::getValue)
        .reduce((first, second) -> second);
  }

  /** Names of the variables the instance ever had in its root scope. */
  public Set<String> variableNames(final long processInstanceKey) {
    return streamOf(stream().variableRecords())
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .filter(v -> v.getScopeKey() == processInstanceKey)
        .map(VariableRecordValue::getName)
        .collect(Collectors.toSet());
  }

  // ---- timers, incidents -----------------------------------------------------------------

  /** Timers the instance created for {@code elementId} (boundary or catch event). */
  public List<Record<TimerRecordValue>> timersCreated(
      final long processInstanceKey, final String elementId) {
    return streamOf(stream().timerRecords())
        .filter(r -> r.getIntent() == TimerIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .filter(r -> r.getValue().getTargetElementId().equals(elementId))
        .toList();
  }

  /** Waits until the instance has created a timer for {@code elementId} and returns it. */
  public Record<TimerRecordValue> awaitTimerCreated(
      final long processInstanceKey, final String elementId) {
    return awaiting("timer " + elementId)
        .until(() -> timersCreated(processInstanceKey, elementId), l -> !l.isEmpty())
        .getFirst();
  }

  /** Awaits the element's timer and answers how long after its creation it is due. */
  public Duration awaitTimerDueAfter(final long processInstanceKey, final String elementId) {
    return dueAfter(awaitTimerCreated(processInstanceKey, elementId));
  }

  /**
   * How long after its creation the timer is due, to the second (the due date is computed a few
   * milliseconds before the record is written).
   */
  private static Duration dueAfter(final Record<TimerRecordValue> timer) {
    final long millis = timer.getValue().getDueDate() - timer.getTimestamp();
    return Duration.ofSeconds(Math.round(millis / 1000.0));
  }

  /** Incidents of the instance that were created and not resolved. */
  public List<Record<IncidentRecordValue>> openIncidents(final long processInstanceKey) {
    final List<Record<IncidentRecordValue>> incidents =
        streamOf(stream().incidentRecords())
            .filter(r -> r.getRecordType() == RecordType.EVENT)
            .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
            .toList();
    final Set<Long> resolved =
        incidents.stream()
            .filter(r -> r.getIntent() == IncidentIntent.RESOLVED)
            .map(Record::getKey)
            .collect(Collectors.toSet());
    return incidents.stream()
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> !resolved.contains(r.getKey()))
        .toList();
  }

  /** Waits for an open incident of the instance and returns it. */
  public Record<IncidentRecordValue> awaitIncident(final long processInstanceKey) {
    return awaiting("incident in " + processInstanceKey)
        .until(() -> openIncidents(processInstanceKey), l -> !l.isEmpty())
        .getFirst();
  }
}
