package com.example.fulfillment.app.timeline;

import java.time.Instant;

/**
 * One thing that happened to an order, as the app records it (table {@code timeline_event}).
 *
 * <p>What the entry is about beyond the order sits in parts, so that each writer states only what
 * it knows: the process {@link Element} it happened at and the {@link Job} (each {@code NONE},
 * never null, where it does not apply), the incident's key and the message's name (null where they
 * do not apply). An entry about the order as a whole ({@link #about}) has no element.
 *
 * @param id assigned by the store (null before it is stored)
 * @param dedupeKey the writer's idempotency key: the same key is stored once
 * @param engineRun the embedded engine's lifetime the record comes from (ENGINE entries only)
 */
public record TimelineEntry(
    Long id,
    String orderId,
    String dedupeKey,
    Instant occurredAt,
    Source source,
    Kind kind,
    String engineRun,
    Element element,
    Job job,
    Long incidentKey,
    String messageName,
    String detail) {

  /**
   * The process element (instance) an entry happened at; {@link #NONE} for an entry about the order
   * as a whole, so readers need not check for null.
   *
   * @param type the engine's {@code BpmnElementType} name (e.g. {@code SERVICE_TASK}), null where
   *     the writer does not know it
   */
  public record Element(
      String bpmnProcessId, Long processInstanceKey, String id, Long instanceKey, String type) {

    public static final Element NONE = new Element(null, null, null, null, null);

    /** An element whose type the writer does not know (the deployed models tell it). */
    public Element(
        final String bpmnProcessId,
        final Long processInstanceKey,
        final String id,
        final Long instanceKey) {
      this(bpmnProcessId, processInstanceKey, id, instanceKey, null);
    }
  }

  /**
   * The job an entry is about; {@link #NONE} for entries that are not about a job.
   *
   * @param retries the job's retries left after a failure or update
   */
  public record Job(Long key, String type, Integer retries) {

    public static final Job NONE = new Job(null, null, null);
  }

  static final int MAX_DETAIL = 1000;

  public TimelineEntry {
    element = element == null ? Element.NONE : element;
    job = job == null ? Job.NONE : job;
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
    PROCESS_MIGRATED,
    PROCESS_MODIFIED,
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
        null, orderId, dedupeKey, at, source, kind, null, null, null, null, messageName, detail);
  }

  /** The same entry, now that its order is known. */
  public TimelineEntry withOrderId(final String orderId) {
    return new TimelineEntry(
        id,
        orderId,
        dedupeKey,
        occurredAt,
        source,
        kind,
        engineRun,
        element,
        job,
        incidentKey,
        messageName,
        detail);
  }
}
