package com.example.fulfillment.app.monitor;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the monitor page shows of all orders at one moment, computed from data the app owns: the
 * timeline table (engine records in embedded mode, worker events in remote mode) and the order
 * books.
 *
 * @param basis ENGINE_RECORDS (embedded: every element, exact) or WORKER_EVENTS (remote: only the
 *     jobs the workers handled; wait states and engine-raised incidents are not visible)
 * @param orders number of orders per status
 */
public record MonitorSnapshot(
    String basis,
    Instant computedAt,
    Map<String, Long> orders,
    List<ProcessCounts> processes,
    List<OpenIncident> incidents) {

  /**
   * Counts of one process and its elements.
   *
   * @param active instances running now (embedded only; 0 in remote mode)
   * @param completed instances that reached an end event
   * @param terminated instances ended by an interrupting event or cancellation
   */
  public record ProcessCounts(
      String processId,
      long active,
      long completed,
      long terminated,
      List<ElementCounts> elements) {}

  /**
   * Counts of one BPMN element over all orders (multi-instance activities count each instance).
   *
   * @param active element instances there now (remote mode: jobs being retried only)
   * @param completed element instances completed
   * @param terminated element instances interrupted (boundary event, BPMN error, cancellation)
   * @param incidents open incidents at the element
   * @param compensated times the element's work was undone by its compensation handler
   */
  public record ElementCounts(
      String elementId,
      long active,
      long completed,
      long terminated,
      long incidents,
      long compensated) {}

  /**
   * An incident not resolved yet.
   *
   * @param incidentKey the engine's key (null in remote mode, where the incident is inferred from a
   *     job that failed with no retries left)
   * @param retryable whether {@code POST /api/incidents/{incidentKey}/retry} can resolve it
   */
  public record OpenIncident(
      @Schema(nullable = true) Long incidentKey,
      String orderId,
      String bpmnProcessId,
      Long processInstanceKey,
      String elementId,
      @Schema(nullable = true) String elementName,
      @Schema(nullable = true) Long jobKey,
      @Schema(nullable = true) String errorType,
      @Schema(nullable = true) String message,
      Instant createdAt,
      boolean retryable) {}
}
