package com.example.fulfillment.app.support;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * The spans the app exports (Boot hands every {@link SpanExporter} bean to its span processor),
 * kept in an {@link InMemorySpanExporter} while a test {@link #start}s capturing: the shared test
 * context runs thousands of orders, whose spans are dropped.
 */
public final class SpanCapture implements SpanExporter {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private volatile boolean capturing;

  /** Forgets what was captured and captures from now on. */
  public void start() {
    spans.reset();
    capturing = true;
  }

  public void stop() {
    capturing = false;
  }

  public List<SpanData> spans() {
    return spans.getFinishedSpanItems();
  }

  /** The spans of one trace. */
  public List<SpanData> trace(final String traceId) {
    return spans().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
  }

  @Override
  public CompletableResultCode export(final Collection<SpanData> batch) {
    return capturing ? spans.export(batch) : CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
