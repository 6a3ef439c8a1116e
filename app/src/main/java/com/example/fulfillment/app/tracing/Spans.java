package com.example.fulfillment.app.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;

/** The app's own spans: where they hang, and how a unit of work runs in one. */
public final class Spans {

  private Spans() {}

  /** A span builder for a child of the current span, or for a new trace if there is none. */
  public static Span.Builder childOfCurrent(final Tracer tracer) {
    final Span current = tracer.currentSpan();
    return current == null
        ? tracer.spanBuilder().setNoParent()
        : tracer.spanBuilder().setParent(current.context());
  }

  /**
   * Runs {@code work} with {@code span} current; the span records a failure and ends either way.
   */
  public static <T> T within(final Tracer tracer, final Span span, final Supplier<T> work) {
    try (var inSpan = tracer.withSpan(span)) {
      return work.get();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
