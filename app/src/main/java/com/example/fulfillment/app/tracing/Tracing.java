package com.example.fulfillment.app.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The tracer and the W3C context propagator, one collaborator for the classes that start spans and
 * carry their context across a boundary.
 */
@Component
public record Tracing(Tracer tracer, Propagator propagator) {

  /** No propagator bean when tracing is off (tests without observability): a no-op one then. */
  @Autowired
  Tracing(final Tracer tracer, final ObjectProvider<Propagator> propagator) {
    this(tracer, propagator.getIfAvailable(() -> Propagator.NOOP));
  }
}
