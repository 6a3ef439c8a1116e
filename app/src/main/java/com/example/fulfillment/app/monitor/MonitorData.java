package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.monitor.MonitorSnapshot.ElementCounts;
import com.example.fulfillment.app.monitor.MonitorSnapshot.OpenIncident;
import com.example.fulfillment.app.monitor.MonitorSnapshot.ProcessCounts;
import com.example.fulfillment.app.timeline.BpmnElements;
import com.example.fulfillment.app.timeline.EngineTimelineListener;
import com.example.fulfillment.app.timeline.ProcessState;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.timeline.TimelineObserver;
import com.example.fulfillment.order.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes {@link MonitorSnapshot}s from the timeline table and the order books, and keeps the last
 * one: a new one is computed only after the timeline changed (it tells this class of every stored
 * entry) and at most once a second, so any number of pages polling every second cost at most one
 * set of queries a second, and none while nothing happens.
 *
 * <p>The counts are aggregates over the whole timeline table (a few queries with {@code GROUP BY});
 * incidents are folded from the incident entries only.
 */
@Component
public class MonitorData implements TimelineObserver {

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_AGE = Duration.ofSeconds(10);
  private static final Pattern ERROR_TYPE = Pattern.compile("([A-Z][A-Z_]+): (.*)", Pattern.DOTALL);

  private final JdbcTemplate jdbc;
  private final MonitorModels models;
  private final BpmnElements elements;
  private final ObjectProvider<EngineTimelineListener> engine;
  private final Clock clock;
  private final String boot = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong changes = new AtomicLong();

  private Cached cached;

  private record Cached(MonitorSnapshot snapshot, String etag, long version, long at) {}

  /** A snapshot and its entity tag (changes when the timeline changed). */
  public record Tagged(MonitorSnapshot snapshot, String etag) {}

  MonitorData(
      final JdbcTemplate jdbc,
      final MonitorModels models,
      final BpmnElements elements,
      final ObjectProvider<EngineTimelineListener> engine,
      final Clock clock) {
    this.jdbc = jdbc;
    this.models = models;
    this.elements = elements;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void appended(final List<TimelineEntry> entries) {
    changes.incrementAndGet();
  }

  /** ENGINE_RECORDS (embedded engine) or WORKER_EVENTS (remote). */
  public String basis() {
    return engine.getIfAvailable() != null
        ? ProcessState.ENGINE_RECORDS
        : ProcessState.WORKER_EVENTS;
  }

  /**
   * The embedded engine's current lifetime (keys are only valid within it); empty in remote mode.
   */
  public Optional<String> engineRun() {
    return Optional.ofNullable(engine.getIfAvailable()).map(EngineTimelineListener::run);
  }

  public synchronized Tagged snapshot() {
    final long now = System.nanoTime();
    final long version = changes.get();
    if (cached != null) {
      final long age = now - cached.at();
      final boolean changed = version != cached.version();
      if ((!changed && age < MAX_AGE.toNanos()) || age < MIN_INTERVAL.toNanos()) {
        return new Tagged(cached.snapshot(), cached.etag());
      }
    }
    final MonitorSnapshot snapshot = compute();
    cached = new Cached(snapshot, "\"" + boot + "-" + version + "\"", version, now);
    return new Tagged(snapshot, cached.etag());
  }

  private MonitorSnapshot compute() {
    final Optional<String> run = engineRun();
    final List<OpenIncident> incidents =
        run.map(this::engineIncidents).orElseGet(this::workerIncidents);
    final Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
    models.models().forEach(m -> counts.put(m.processId(), new LinkedHashMap<>()));
    final Map<String, long[]> instances = new HashMap<>();
    if (run.isPresent()) {
      engineCounts(run.get(), counts, instances);
    } else {
      workerCounts(counts);
    }
    for (OpenIncident incident : incidents) {
      element(counts, incident.bpmnProcessId(), incident.elementId())[INCIDENTS]++;
    }
    final List<ProcessCounts> processes = new ArrayList<>();
    counts.forEach(
        (processId, byElement) -> {
          final long[] p = instances.getOrDefault(processId, new long[5]);
          processes.add(
              new ProcessCounts(
                  processId,
                  p[ACTIVE],
                  p[COMPLETED],
                  p[TERMINATED],
                  byElement.entrySet().stream()
                      .map(
                          e ->
                              new ElementCounts(
                                  e.getKey(),
                                  e.getValue()[ACTIVE],
                                  e.getValue()[COMPLETED],
                                  e.getValue()[TERMINATED],
                                  e.getValue()[INCIDENTS],
                                  e.getValue()[COMPENSATED]))
                      .toList()));
        });
    return new MonitorSnapshot(basis(), clock.instant(), orderCounts(), processes, incidents);
  }

  private static final int ACTIVE = 0;
  private static final int COMPLETED = 1;
  private static final int TERMINATED = 2;
  private static final int INCIDENTS = 3;
  private static final int COMPENSATED = 4;

  private static long[] element(
      final Map<String, Map<String, long[]>> counts,
      final String processId,
      final String elementId) {
    return counts
        .computeIfAbsent(processId == null ? "?" : processId, k -> new LinkedHashMap<>())
        .computeIfAbsent(elementId == null ? "?" : elementId, k -> new long[5]);
  }

  /** Embedded: element lifecycle counts (active only within the engine's current lifetime). */
  private void engineCounts(
      final String run,
      final Map<String, Map<String, long[]>> counts,
      final Map<String, long[]> instances) {
    jdbc.query(
        """
        SELECT bpmn_process_id, element_id, element_type, kind, engine_run, COUNT(*) AS n
        FROM timeline_event
        WHERE source = 'ENGINE' AND kind IN ('ELEMENT_ENTERED', 'ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')
        GROUP BY bpmn_process_id, element_id, element_type, kind, engine_run
        """,
        rs -> {
          final String processId = rs.getString("bpmn_process_id");
          final String elementId = rs.getString("element_id");
          final String type = rs.getString("element_type");
          final String kind = rs.getString("kind");
          final boolean current = run.equals(rs.getString("engine_run"));
          final long n = rs.getLong("n");
          if ("MULTI_INSTANCE_BODY".equals(type)) {
            return; // each instance inside counts; the body would count the activity twice
          }
          final long[] c =
              "PROCESS".equals(type)
                  ? instances.computeIfAbsent(processId, k -> new long[5])
                  : element(counts, processId, elementId);
          switch (kind) {
            case "ELEMENT_ENTERED" -> c[ACTIVE] += current ? n : 0;
            case "ELEMENT_COMPLETED" -> {
              c[COMPLETED] += n;
              c[ACTIVE] -= current ? n : 0;
              if (!"PROCESS".equals(type)) {
                elements
                    .compensatedBy(processId, elementId)
                    .ifPresent(a -> element(counts, processId, a)[COMPENSATED] += n);
              }
            }
            default -> {
              c[TERMINATED] += n;
              c[ACTIVE] -= current ? n : 0;
            }
          }
        });
  }

  /** Remote: what the workers saw of each job (completed, BPMN error, retried, given up). */
  private void workerCounts(final Map<String, Map<String, long[]>> counts) {
    jdbc.query(
        """
        SELECT bpmn_process_id, element_id, kind, COUNT(*) AS n FROM timeline_event
        WHERE source = 'WORKER' AND kind IN ('JOB_COMPLETED', 'JOB_ERROR_THROWN')
        GROUP BY bpmn_process_id, element_id, kind
        """,
        rs -> {
          final String processId = rs.getString("bpmn_process_id");
          final String elementId = rs.getString("element_id");
          final long n = rs.getLong("n");
          if ("JOB_COMPLETED".equals(rs.getString("kind"))) {
            element(counts, processId, elementId)[COMPLETED] += n;
            elements
                .compensatedBy(processId, elementId)
                .ifPresent(a -> element(counts, processId, a)[COMPENSATED] += n);
          } else {
            element(counts, processId, elementId)[TERMINATED] += n;
          }
        });
    // a job whose last attempt failed with retries left is being retried: count it as active
    for (TimelineEntry f : lastFailures()) {
      if (f.job().retries() != null && f.job().retries() > 0) {
        element(counts, f.element().bpmnProcessId(), f.element().id())[ACTIVE]++;
      }
    }
  }

  /** Embedded: incidents created in the engine's current lifetime and not resolved. */
  private List<OpenIncident> engineIncidents(final String run) {
    final Map<Long, OpenIncident> open = new LinkedHashMap<>();
    for (TimelineEntry e :
        jdbc.query(
            """
            SELECT * FROM timeline_event
            WHERE source = 'ENGINE' AND engine_run = ?
              AND kind IN ('INCIDENT_CREATED', 'INCIDENT_RESOLVED')
            ORDER BY id
            """,
            (rs, n) -> Timeline.read(rs),
            run)) {
      if (e.kind() == TimelineEntry.Kind.INCIDENT_RESOLVED) {
        open.remove(e.incidentKey());
      } else {
        open.put(e.incidentKey(), incident(e, e.incidentKey(), true));
      }
    }
    return List.copyOf(open.values());
  }

  /** Remote: a job whose last attempt failed with no retries left has an incident (inferred). */
  private List<OpenIncident> workerIncidents() {
    final List<OpenIncident> incidents = new ArrayList<>();
    for (TimelineEntry f : lastFailures()) {
      if (f.job().retries() != null && f.job().retries() == 0) {
        incidents.add(incident(f, null, false));
      }
    }
    return incidents;
  }

  /** Worker entries that failed a job and were not followed by another entry for that job. */
  private List<TimelineEntry> lastFailures() {
    return jdbc.query(
        """
        SELECT f.* FROM timeline_event f
        WHERE f.source = 'WORKER' AND f.kind = 'JOB_FAILED'
          AND NOT EXISTS (SELECT 1 FROM timeline_event l
            WHERE l.order_id = f.order_id AND l.source = 'WORKER'
              AND l.element_instance_key = f.element_instance_key AND l.id > f.id)
        ORDER BY f.id
        """,
        (rs, n) -> Timeline.read(rs));
  }

  private OpenIncident incident(final TimelineEntry e, final Long key, final boolean retryable) {
    final String detail = e.detail();
    String errorType = null;
    String message = detail;
    if (detail != null) {
      final Matcher m = ERROR_TYPE.matcher(detail);
      if (m.matches()) {
        errorType = m.group(1);
        message = m.group(2);
      }
    }
    final TimelineEntry.Element at = e.element();
    return new OpenIncident(
        key,
        e.orderId(),
        at.bpmnProcessId(),
        at.processInstanceKey(),
        at.id(),
        elements.nameOf(at.bpmnProcessId(), at.id()),
        e.job().key(),
        errorType,
        message,
        e.occurredAt(),
        retryable);
  }

  private Map<String, Long> orderCounts() {
    final Map<String, Long> counts = new LinkedHashMap<>();
    for (OrderStatus status : OrderStatus.values()) {
      counts.put(status.name(), 0L);
    }
    jdbc.query(
        "SELECT status, COUNT(*) AS n FROM customer_order GROUP BY status",
        rs -> {
          counts.put(rs.getString("status"), rs.getLong("n"));
        });
    return counts;
  }
}
