package com.example.fulfillment.app.timeline;

import com.example.fulfillment.app.timeline.TimelineEntry.Kind;
import com.example.fulfillment.app.timeline.TimelineEntry.Source;
import com.example.fulfillment.jobs.JobListener;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Feeds the timeline from the job workers (remote mode, where the app sees no engine records):
 * every job a worker handled, with its outcome. Wait states, gateways and incidents raised by the
 * engine itself are not visible this way (Operate shows them).
 *
 * <p>An entry is recorded once per job, attempt and outcome (a job handled again after its timeout
 * counts once), under the engine's {@code epoch}: an engine that lost its state hands out the same
 * job keys again, and a new job must not be taken for the old one with the same key.
 */
public record WorkerTimelineListener(
    Timeline timeline, BpmnElements elements, Supplier<String> epoch, Clock clock)
    implements JobListener {

  @Override
  public void jobHandled(final HandledJob job) {
    if (job.orderId() == null) {
      return;
    }
    final Kind kind =
        switch (job.outcome()) {
          case "completed" -> Kind.JOB_COMPLETED;
          case "bpmn_error" -> Kind.JOB_ERROR_THROWN;
          default -> Kind.JOB_FAILED;
        };
    final String type =
        elements
            .find(job.bpmnProcessId(), job.elementId())
            .map(BpmnElements.Element::type)
            .orElse(null);
    timeline.append(
        new TimelineEntry(
            null,
            job.orderId(),
            "w:" + epoch.get() + ":" + job.jobKey() + ":" + job.retries() + ":" + job.outcome(),
            clock.instant(),
            Source.WORKER,
            kind,
            null,
            new TimelineEntry.Element(
                job.bpmnProcessId(),
                job.processInstanceKey(),
                job.elementId(),
                job.elementInstanceKey(),
                type),
            new TimelineEntry.Job(
                job.jobKey(), job.type(), kind == Kind.JOB_FAILED ? job.retriesLeft() : null),
            null,
            null,
            job.detail()));
  }
}
