package com.example.fulfillment.app.timeline;

import java.time.Instant;

/**
 * One thing that happened to an order, as the app records it (table {@code timeline_event}).
 *
 * @param id assigned by the store (null before it is stored)
 * @param dedupeKey the writer's idempotency key: the same key is stored once
 * @param engineRun the embedded engine's lifetime the record comes from (ENGINE entries only)
 * @param elementType the engine's {@code BpmnElementType} name (e.g. {@code SERVICE_TASK})
 * @param retries a job's retries left after a failure or update
 */
public record TimelineEntry(
    Long id,
    String orderId,
    String dedupeKey,
    Instant occurredAt,
    Source source,
    Kind kind,
    String engineRun,
    String bpmnProcessId,
    Long processInstanceKey,
    String elementId,
    Long elementInstanceKey,
    String elementType,
    Long jobKey,
    String jobType,
    Integer retries,
    Long incidentKey,
    String messageName,
    String detail) {

  static final int MAX_DETAIL = 1000;

  public TimelineEntry {
    if (detail != null && detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
  }

  /** Who wrote the entry. */
  public enum Source {
    /** The embedded engine's records (in-process exporter). */
    ENGINE,
    /** The job workers' view of a job (remote mode). */
    WORKER,
    /** An API request or an accepted event. */
    API,
    /** The app itself (restart recovery, sandbox carrier). */
    APP
  }

  /** What happened. */
  public enum Kind {
    ORDER_PLACED,
    START_REQUESTED,
    CANCELLATION_REQUESTED,
    MESSAGE_PUBLISHED,
    EVENT_IGNORED,
    PROCESS_RESTARTED,
    ELEMENT_ENTERED,
    ELEMENT_COMPLETED,
    ELEMENT_TERMINATED,
    MESSAGE_CORRELATED,
    JOB_COMPLETED,
    JOB_FAILED,
    JOB_RETRIES_UPDATED,
    JOB_TIMED_OUT,
    JOB_ERROR_THROWN,
    INCIDENT_CREATED,
    INCIDENT_RESOLVED
  }

  /** An entry about the order as a whole (no process element), written by the API or the app. */
  public static TimelineEntry about(
      final String orderId,
      final String dedupeKey,
      final Instant at,
      final Source source,
      final Kind kind,
      final String messageName,
      final String detail) {
    return new TimelineEntry(
        null,
        orderId,
        dedupeKey,
        at,
        source,
        kind,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        messageName,
        detail);
  }
}
