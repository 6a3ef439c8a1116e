package com.example.fulfillment.support;

import com.example.fulfillment.engine.BackoffRecurrenceWatchdog;
import com.example.fulfillment.engine.EmbeddedEngineExporter;
import io.camunda.zeebe.process.test.engine.EmbeddedEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/**
 * For tests that run an engine of their own (a stand-in cluster, the model tests): the same
 * workaround for Zeebe's backoff off-by-one that the app applies to its embedded engine ({@link
 * BackoffRecurrenceWatchdog}); without it a job failing twice with a backoff now and then never
 * recurs and the test times out. Keeps the whole log (tests read the record stream).
 */
public final class EngineWatchdog implements AutoCloseable {

  private final BackoffRecurrenceWatchdog watchdog;
  private final EmbeddedEngineExporter exporter;

  private EngineWatchdog(final EmbeddedEngine engine) {
    watchdog = new BackoffRecurrenceWatchdog(engine::recheckDueDates);
    exporter = new EmbeddedEngineExporter(engine, List.of(watchdog), false, new SimpleMeterRegistry());
    exporter.start();
  }

  /** Call after the engine has started; close before stopping it. */
  public static EngineWatchdog attachTo(final EmbeddedEngine engine) {
    return new EngineWatchdog(engine);
  }

  @Override
  public void close() {
    exporter.stop();
    watchdog.destroy();
  }
}
