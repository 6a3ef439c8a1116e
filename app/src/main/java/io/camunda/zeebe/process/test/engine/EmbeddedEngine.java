package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The in-process engine as the app runs it: the test engine's {@link ZeebeTestEngine} contract,
 * plus access to its log for an in-process exporter, and trimming of the log once it has been
 * processed and exported (see {@link TrimmableLogStorage}).
 */
public final class EmbeddedEngine implements ZeebeTestEngine {

  private final ZeebeTestEngine delegate;
  private final LogStream logStream;
  private final TrimmableLogStorage logStorage;
  private final StreamProcessor streamProcessor;
  private final int port;

  EmbeddedEngine(
      final ZeebeTestEngine delegate,
      final LogStream logStream,
      final TrimmableLogStorage logStorage,
      final StreamProcessor streamProcessor,
      final int port) {
    this.delegate = delegate;
    this.logStream = logStream;
    this.logStorage = logStorage;
    this.streamProcessor = streamProcessor;
    this.port = port;
  }

  /** The port the gRPC gateway listens on. */
  public int port() {
    return port;
  }

  /** A reader over the engine's log, positioned at the first record still retained. */
  public LogStreamReader newLogReader() {
    return logStream.newLogStreamReader();
  }

  /** Position of the last record the engine has processed (commands and events). */
  public long lastProcessedPosition() {
    return streamProcessor.getLastProcessedPositionAsync().join();
  }

  /** Drops log blocks whose records all lie below {@code position}; returns how many. */
  public int trimLogBelow(final long position) {
    return logStorage.trimBelow(position);
  }

  public long retainedLogBytes() {
    return logStorage.retainedBytes();
  }

  public int retainedLogBlocks() {
    return logStorage.retainedBlocks();
  }

  /**
   * Pauses and resumes the stream processor, which makes the engine's due-date checkers (job
   * backoff, timers, job timeouts) look at their state again. See {@code
   * com.example.fulfillment.engine.BackoffRecurrenceWatchdog} for why this is needed.
   */
  public void recheckDueDates() {
    streamProcessor.pauseProcessing().join();
    streamProcessor.resumeProcessing();
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return delegate.getRecordStreamSource();
  }

  @Override
  public ZeebeClient createClient() {
    return delegate.createClient();
  }

  @Override
  public ZeebeClient createClient(final com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
    return delegate.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return delegate.getGatewayAddress();
  }

  @Override
  public void increaseTime(final Duration timeToAdd) {
    delegate.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(final Duration timeout)
      throws InterruptedException, TimeoutException {
    delegate.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(final Duration timeout)
      throws InterruptedException, TimeoutException {
    delegate.waitForBusyState(timeout);
  }
}
