package com.example.fulfillment.app.timeline;

import com.example.fulfillment.app.timeline.TimelineEntry.Kind;
import com.example.fulfillment.app.timeline.TimelineEntry.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an order's process stands, derived from its timeline: the BPMN steps active now and the
 * open incidents.
 *
 * @param basis {@code ENGINE_RECORDS} (embedded mode: every element, exact), {@code WORKER_EVENTS}
 *     (remote mode, best effort: only jobs the workers handled, so wait states do not show and an
 *     incident is inferred from a job failed with no retries left) or {@code NONE}
 */
public record ProcessState(String basis, List<Step> currentSteps, List<Incident> openIncidents) {

  public static final String ENGINE_RECORDS = "ENGINE_RECORDS";
  public static final String WORKER_EVENTS = "WORKER_EVENTS";
  public static final String NONE = "NONE";

  private static final Set<String> HIDDEN_TYPES = Set.of("PROCESS", "MULTI_INSTANCE_BODY");

  public ProcessState {
    currentSteps = List.copyOf(currentSteps);
    openIncidents = List.copyOf(openIncidents);
  }

  /** An active element. */
  public record Step(
      String bpmnProcessId,
      Long processInstanceKey,
      String elementId,
      String elementName,
      String elementType,
      Instant since) {}

  /** An incident not resolved yet. */
  public record Incident(
      Long incidentKey,
      String bpmnProcessId,
      Long processInstanceKey,
      String elementId,
      String elementName,
      Long jobKey,
      String message,
      Instant createdAt) {}

  /** Derives the state from the order's timeline (in time order). */
  public static ProcessState of(final List<TimelineEntry> timeline, final BpmnElements elements) {
    final List<TimelineEntry> engine =
        timeline.stream().filter(e -> e.source() == Source.ENGINE).toList();
    if (!engine.isEmpty()) {
      return fromEngine(latestRun(engine), elements);
    }
    final List<TimelineEntry> workers =
        timeline.stream().filter(e -> e.source() == Source.WORKER).toList();
    if (!workers.isEmpty()) {
      return fromWorkers(workers, elements);
    }
    return new ProcessState(NONE, List.of(), List.of());
  }

  /** Entries of the newest engine lifetime only: older ones belong to instances that are gone. */
  private static List<TimelineEntry> latestRun(final List<TimelineEntry> engine) {
    final String run = engine.getLast().engineRun();
    return engine.stream().filter(e -> Objects.equals(e.engineRun(), run)).toList();
  }

  private static ProcessState fromEngine(
      final List<TimelineEntry> entries, final BpmnElements elements) {
    final Map<Long, Step> active = new LinkedHashMap<>();
    final Map<Long, Incident> incidents = new LinkedHashMap<>();
    for (TimelineEntry e : entries) {
      switch (e.kind()) {
        case ELEMENT_ENTERED -> {
          if (!HIDDEN_TYPES.contains(e.element().type())) {
            active.put(e.element().instanceKey(), step(e, elements));
          }
        }
        case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(e.element().instanceKey());
        case INCIDENT_CREATED ->
            incidents.put(e.incidentKey(), incident(e, e.incidentKey(), elements));
        case INCIDENT_RESOLVED -> incidents.remove(e.incidentKey());
        default -> {}
      }
    }
    return new ProcessState(
        ENGINE_RECORDS, new ArrayList<>(active.values()), new ArrayList<>(incidents.values()));
  }

  private static ProcessState fromWorkers(
      final List<TimelineEntry> entries, final BpmnElements elements) {
    final Map<Long, TimelineEntry> last = new LinkedHashMap<>();
    for (TimelineEntry e : entries) {
      last.remove(e.element().instanceKey());
      last.put(e.element().instanceKey(), e);
    }
    final List<Step> steps = new ArrayList<>();
    final List<Incident> incidents = new ArrayList<>();
    for (TimelineEntry e : last.values()) {
      if (e.kind() != Kind.JOB_FAILED) {
        continue;
      }
      steps.add(step(e, elements));
      if (e.job().retries() != null && e.job().retries() == 0) {
        incidents.add(incident(e, null, elements));
      }
    }
    return new ProcessState(WORKER_EVENTS, steps, incidents);
  }

  private static Step step(final TimelineEntry e, final BpmnElements elements) {
    final TimelineEntry.Element at = e.element();
    return new Step(
        at.bpmnProcessId(),
        at.processInstanceKey(),
        at.id(),
        elements.nameOf(at.bpmnProcessId(), at.id()),
        at.type(),
        e.occurredAt());
  }

  private static Incident incident(
      final TimelineEntry e, final Long incidentKey, final BpmnElements elements) {
    final TimelineEntry.Element at = e.element();
    return new Incident(
        incidentKey,
        at.bpmnProcessId(),
        at.processInstanceKey(),
        at.id(),
        elements.nameOf(at.bpmnProcessId(), at.id()),
        e.job().key(),
        e.detail(),
        e.occurredAt());
  }
}
