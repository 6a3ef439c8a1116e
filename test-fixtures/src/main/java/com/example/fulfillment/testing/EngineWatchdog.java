package com.example.fulfillment.testing;

import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import java.util.List;

/**
 * For tests that run an engine of their own (a stand-in cluster, the model tests): the engine's
 * record export, which carries the workaround for Zeebe's backoff off-by-one ({@code
 * BackoffRecurrenceWatchdog}); without it a job failing twice with a backoff now and then never
 * recurs and the test times out. Keeps the whole log (tests read the record stream).
 */
public final class EngineWatchdog implements AutoCloseable {

  private final RecordExport export;

  private EngineWatchdog(final DevEngine engine) {
    export = engine.export(List.of(), false);
  }

  /** Call after the engine has started; close before stopping it. */
  public static EngineWatchdog attachTo(final DevEngine engine) {
    return new EngineWatchdog(engine);
  }

  @Override
  public void close() {
    export.close();
  }
}
