package com.example.fulfillment.jobs;

/**
 * Told by {@link JobHandling} about every job a worker handled, after the work and before the
 * worker answers the engine (e.g. the app's timeline in remote mode, where it sees no engine
 * records). Called on the worker's thread: keep it short. What it throws is logged and ignored: a
 * listener never changes a job's outcome.
 */
@FunctionalInterface
public interface JobListener {

  void jobHandled(HandledJob job);

  /**
   * A handled job.
   *
   * @param outcome {@code completed} | {@code bpmn_error} | {@code failed}
   * @param retriesLeft the retries the job is failed with ({@code failed} only; 0 = incident)
   * @param detail the BPMN error code and message, or the failure's message; null when completed
   * @param orderId the job's {@code orderId} variable (null if it has none)
   */
  record HandledJob(
      long jobKey,
      String type,
      String bpmnProcessId,
      long processInstanceKey,
      String elementId,
      long elementInstanceKey,
      int retries,
      String orderId,
      String outcome,
      Integer retriesLeft,
      String detail) {}
}
