package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What an operator did to an order's process instance, on the order's timeline (source APP), at the
 * time of the request: the timeline then shows it before what the engine did because of it.
 */
@Component
record InstanceAudit(Timeline timeline, Clock clock) {

  Instant now() {
    return clock.instant();
  }

  void append(
      final String orderId,
      final String dedupeKey,
      final Instant requestedAt,
      final TimelineEntry.Kind kind,
      final String bpmnProcessId,
      final long processInstanceKey,
      final String detail) {
    timeline.append(
        new TimelineEntry(
            null,
            orderId,
            dedupeKey,
            requestedAt,
            TimelineEntry.Source.APP,
            kind,
            null,
            new TimelineEntry.Element(bpmnProcessId, processInstanceKey, null, null),
            null,
            null,
            null,
            detail));
  }
}
