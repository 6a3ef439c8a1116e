package com.example.fulfillment.devengine;

import com.example.fulfillment.engine.port.DevelopmentEngine;
import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The development engine: Zeebe's engine with one partition, a loopback gRPC gateway, RocksDB (or
 * in-memory) state and an in-memory log that is trimmed once processed and exported. Also the test
 * engine's {@link ZeebeTestEngine} contract, so tests can move its clock and wait for it.
 */
public final class DevEngine implements DevelopmentEngine, ZeebeTestEngine {

  private final ZeebeTestEngine delegate;
  private final LogStream logStream;
  private final TrimmableLogStorage logStorage;
  private final StreamProcessor streamProcessor;
  private final Endpoints endpoints;
  private final Runnable disposeState;
  private final List<RecordExporter> exporters = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();

  DevEngine(
      final ZeebeTestEngine delegate,
      final LogStream logStream,
      final TrimmableLogStorage logStorage,
      final StreamProcessor streamProcessor,
      final Endpoints endpoints,
      final Runnable disposeState) {
    this.delegate = delegate;
    this.logStream = logStream;
    this.logStorage = logStorage;
    this.streamProcessor = streamProcessor;
    this.endpoints = endpoints;
    this.disposeState = disposeState;
  }

  /**
   * Where the gateway answers: {@code host:port} over TCP (for Desktop Modeler, zbctl, workers in
   * other processes) and, under {@code inProcessName}, to callers in this JVM.
   */
  record Endpoints(String host, int port, Server inProcessServer, String inProcessName) {}

  /** The port the gRPC gateway listens on. */
  public int port() {
    return endpoints.port();
  }

  @Override
  public String gatewayAddress() {
    final String host = endpoints.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + endpoints.port();
  }

  @Override
  public ManagedChannel openInProcessChannel() {
    return InProcessChannelBuilder.forName(endpoints.inProcessName()).build();
  }

  /**
   * Delivers records to the listeners and, with them, to a {@link BackoffRecurrenceWatchdog} that
   * works around an engine defect; trims the log behind the slowest reader when asked to.
   */
  @Override
  public synchronized RecordExport export(
      final List<EngineRecordListener> listeners, final boolean trimLog) {
    final List<EngineRecordListener> all = new ArrayList<>(listeners);
    all.add(new BackoffRecurrenceWatchdog(this::recheckDueDates));
    final RecordExporter exporter = new RecordExporter(this, all, trimLog);
    exporters.add(exporter);
    exporter.start();
    return exporter;
  }

  @Override
  public long retainedLogBytes() {
    return logStorage.retainedBytes();
  }

  /** A reader over the engine's log, positioned at the first record still retained. */
  LogStreamReader newLogReader() {
    return logStream.newLogStreamReader();
  }

  /** Position of the last record the engine has processed (commands and events). */
  long lastProcessedPosition() {
    return streamProcessor.getLastProcessedPositionAsync().join();
  }

  /** Drops log blocks whose records all lie below {@code position}; returns how many. */
  int trimLogBelow(final long position) {
    return logStorage.trimBelow(position);
  }

  /**
   * Drops what the engine has processed and every exporter has delivered; nothing while an exporter
   * keeps the whole log (its listeners, or the test record stream, may still read it).
   */
  synchronized void trimBehindExporters() {
    long safe = lastProcessedPosition();
    for (RecordExporter exporter : exporters) {
      if (!exporter.trimsLog()) {
        return;
      }
      safe = Math.min(safe, exporter.exportedPosition());
    }
    if (safe > 0) {
      trimLogBelow(safe + 1);
    }
  }

  int retainedLogBlocks() {
    return logStorage.retainedBlocks();
  }

  /**
   * Pauses and resumes the stream processor, which makes the engine's due-date checkers (job
   * backoff, timers, job timeouts) look at their state again; see {@link
   * BackoffRecurrenceWatchdog}.
   */
  public void recheckDueDates() {
    streamProcessor.pauseProcessing().join();
    streamProcessor.resumeProcessing();
  }

  @Override
  public void start() {
    delegate.start();
    try {
      endpoints.inProcessServer().start();
    } catch (IOException e) {
      delegate.stop();
      throw new UncheckedIOException("In-process gateway did not start", e);
    }
  }

  @Override
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      exporters.forEach(RecordExporter::close);
    }
    endpoints.inProcessServer().shutdownNow();
    delegate.stop();
    disposeState.run();
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
    return gatewayAddress();
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
