package com.example.fulfillment.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.engine.EmbeddedEngine;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An in-process exporter for the embedded engine: reads the engine's log on one thread, hands
 * the records to the {@link EngineRecordListener}s, and then trims the log below what has been
 * both processed by the engine and exported, so memory stays bounded however long the app runs.
 * (A real broker exports to Elasticsearch/Operate instead; this is what the app owns.)
 */
public class EmbeddedEngineExporter implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineExporter.class);
  private static final int MAX_BATCH = 2_000;
  private static final Duration IDLE_PAUSE = Duration.ofMillis(20);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration TRIM_INTERVAL = Duration.ofSeconds(1);

  private final EmbeddedEngine engine;
  private final List<EngineRecordListener> listeners;
  private final boolean trimLog;
  private final Set<ValueType> wanted = EnumSet.noneOf(ValueType.class);
  private final RecordMetadata metadata = new RecordMetadata();

  private volatile boolean running;
  private volatile long exportedPosition = -1;
  private Thread thread;

  public EmbeddedEngineExporter(
      final EmbeddedEngine engine,
      final List<EngineRecordListener> listeners,
      final boolean trimLog,
      final MeterRegistry meters) {
    this.engine = engine;
    this.listeners = List.copyOf(listeners);
    this.trimLog = trimLog;
    this.listeners.forEach(l -> wanted.addAll(l.valueTypes()));
    Gauge.builder("fulfillment.engine.log.retained.bytes", engine, EmbeddedEngine::retainedLogBytes)
        .description("Bytes of the embedded engine's log still held in memory")
        .register(meters);
    Gauge.builder("fulfillment.engine.exporter.position", this, e -> e.exportedPosition)
        .description("Log position the in-process exporter has delivered up to")
        .register(meters);
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("embedded-engine-exporter").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stop before the engine (a bean) is destroyed, start after everything else is ready. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  /** Position of the last record delivered to every listener. */
  public long exportedPosition() {
    return exportedPosition;
  }

  private void run() {
    final LogStreamReader reader = engine.newLogReader();
    reader.seekToFirstEvent();
    long lastTrim = System.nanoTime();
    List<Record<?>> pending = List.of();
    long pendingUpTo = exportedPosition;
    while (running) {
      if (pending.isEmpty()) {
        final List<Record<?>> batch = new ArrayList<>();
        while (batch.size() < MAX_BATCH && reader.hasNext()) {
          final LoggedEvent event = reader.next();
          pendingUpTo = event.getPosition();
          copyIfWanted(event, batch);
        }
        pending = batch;
      }
      final boolean progressed = pendingUpTo > exportedPosition;
      if (!pending.isEmpty() && !deliver(pending)) {
        LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        continue;
      }
      pending = List.of();
      exportedPosition = pendingUpTo;
      if (trimLog && System.nanoTime() - lastTrim > TRIM_INTERVAL.toNanos()) {
        trim();
        lastTrim = System.nanoTime();
      }
      if (!progressed) {
        LockSupport.parkNanos(IDLE_PAUSE.toNanos());
      }
    }
    reader.close();
  }

  private boolean deliver(final List<Record<?>> batch) {
    for (EngineRecordListener listener : listeners) {
      final List<Record<?>> mine =
          batch.stream().filter(r -> listener.valueTypes().contains(r.getValueType())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      try {
        listener.onRecords(mine);
      } catch (RuntimeException e) {
        LOG.warn("Record listener {} failed; retrying the batch", listener.getClass().getSimpleName(), e);
        return false;
      }
    }
    return true;
  }

  private void copyIfWanted(final LoggedEvent event, final List<Record<?>> batch) {
    metadata.reset();
    event.readMetadata(metadata);
    if (!wanted.contains(metadata.getValueType())) {
      return;
    }
    final UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    batch.add(
        new CopiedRecord<>(
            value,
            metadata,
            event.getKey(),
            1,
            event.getPosition(),
            event.getSourceEventPosition(),
            event.getTimestamp()));
  }

  private void trim() {
    try {
      final long safe = Math.min(exportedPosition, engine.lastProcessedPosition());
      if (safe > 0) {
        engine.trimLogBelow(safe + 1);
      }
    } catch (RuntimeException e) {
      // The engine may be stopping; trimming is an optimisation, the next round retries.
      LOG.debug("Log trim skipped", e);
    }
  }
}
