package com.example.fulfillment.app.order.api;

import com.example.fulfillment.app.timeline.BpmnElements;
import com.example.fulfillment.app.timeline.TimelineEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An order's path in time ({@code GET /api/orders/{orderId}/timeline}). */
public record OrderTimeline(String orderId, List<Event> events) {

  /**
   * One thing that happened.
   *
   * @param source ENGINE (embedded engine records), WORKER (job workers, remote mode), API, APP
   * @param kind ORDER_PLACED, ELEMENT_ENTERED, ELEMENT_COMPLETED, ELEMENT_TERMINATED,
   *     MESSAGE_CORRELATED, MESSAGE_PUBLISHED, JOB_FAILED, JOB_ERROR_THROWN, INCIDENT_CREATED, …
   */
  public record Event(
      Instant at,
      String source,
      String kind,
      @Schema(nullable = true) String bpmnProcessId,
      @Schema(nullable = true) Long processInstanceKey,
      @Schema(nullable = true) String elementId,
      @Schema(nullable = true) String elementName,
      @Schema(nullable = true) String elementType,
      boolean compensationHandler,
      @Schema(nullable = true) Long jobKey,
      @Schema(nullable = true) String jobType,
      @Schema(nullable = true) Integer retries,
      @Schema(nullable = true) Long incidentKey,
      @Schema(nullable = true) String messageName,
      @Schema(nullable = true) String detail) {}

  static OrderTimeline of(
      final String orderId, final List<TimelineEntry> entries, final BpmnElements elements) {
    return new OrderTimeline(
        orderId,
        entries.stream()
            .map(
                e -> {
                  final TimelineEntry.Element at = e.element();
                  final var element = elements.find(at.bpmnProcessId(), at.id());
                  return new Event(
                      e.occurredAt(),
                      e.source().name(),
                      e.kind().name(),
                      at.bpmnProcessId(),
                      at.processInstanceKey(),
                      at.id(),
                      element.map(BpmnElements.Element::name).orElse(null),
                      at.type() != null
                          ? at.type()
                          : element.map(BpmnElements.Element::type).orElse(null),
                      element.map(BpmnElements.Element::compensationHandler).orElse(false),
                      e.job().key(),
                      e.job().type(),
                      e.job().retries(),
                      e.incidentKey(),
                      e.messageName(),
                      e.detail());
                })
            .toList());
  }
}
