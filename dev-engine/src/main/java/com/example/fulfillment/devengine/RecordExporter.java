package com.example.fulfillment.devengine;

import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process exporter: reads the engine's log on one thread, hands the records to the {@link
 * EngineRecordListener}s, and then trims the log below what has been both processed by the engine
 * and exported by every exporter, so memory stays bounded however long the engine runs. (A real
 * broker exports to Elasticsearch/Operate instead.)
 */
final class RecordExporter implements RecordExport {

  private static final Logger LOG = LoggerFactory.getLogger(RecordExporter.class);
  private static final int MAX_BATCH = 2_000;
  private static final Duration IDLE_PAUSE = Duration.ofMillis(20);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration TRIM_INTERVAL = Duration.ofSeconds(1);

  private final DevEngine engine;
  private final List<EngineRecordListener> listeners;
  private final boolean trimLog;
  private final Set<ValueType> wanted = EnumSet.noneOf(ValueType.class);
  private final RecordMetadata metadata = new RecordMetadata();

  private volatile boolean running;
  private volatile long exportedPosition = -1;
  private Thread thread;

  RecordExporter(
      final DevEngine engine, final List<EngineRecordListener> listeners, final boolean trimLog) {
    this.engine = engine;
    this.listeners = List.copyOf(listeners);
    this.trimLog = trimLog;
    this.listeners.forEach(l -> wanted.addAll(l.valueTypes()));
  }

  void start() {
    running = true;
    thread = Thread.ofPlatform().name("dev-engine-exporter").daemon().start(this::run);
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    listeners.forEach(
        l -> {
          if (l instanceof BackoffRecurrenceWatchdog watchdog) {
            watchdog.close();
          }
        });
  }

  boolean trimsLog() {
    return trimLog;
  }

  /** Position of the last record delivered to every listener. */
  @Override
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
        LOG.warn(
            "Record listener {} failed; retrying the batch",
            listener.getClass().getSimpleName(),
            e);
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
      engine.trimBehindExporters();
    } catch (RuntimeException e) {
      // The engine may be stopping; trimming is an optimisation, the next round retries.
      LOG.debug("Log trim skipped", e);
    }
  }
}
