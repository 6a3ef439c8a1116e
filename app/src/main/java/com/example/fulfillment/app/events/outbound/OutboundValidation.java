package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.app.events.contracts.SchemaValidator;
import com.example.fulfillment.app.events.contracts.SchemaValidator.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The relay's check before an event leaves: its {@code data} against the schema its {@code
 * dataschema} names, and its size (as structured JSON) against the largest event the edge accepts.
 * A failing event is not sent (the relay holds it); with {@code enabled} false everything passes
 * (the benchmark's comparison, or an emergency switch), and the check costs nothing.
 *
 * @param timer the time each check takes ({@value #TIMER})
 */
public record OutboundValidation(boolean enabled, int maxEventBytes, Timer timer) {

  public static final String TIMER = "fulfillment.events.outbox.validation";

  public static OutboundValidation create(
      final boolean enabled, final int maxEventBytes, final MeterRegistry meters) {
    return new OutboundValidation(
        enabled,
        maxEventBytes,
        Timer.builder(TIMER)
            .description("Validating an outgoing event against its schema")
            .register(meters));
  }

  /** Why {@code event} must not be sent; empty when it may. */
  public Optional<String> problem(final OutboundCloudEvent event) {
    if (!enabled) {
      return Optional.empty();
    }
    final long start = System.nanoTime();
    try {
      final int bytes = event.toJson().length;
      if (bytes > maxEventBytes) {
        return Optional.of(
            "the event is " + bytes + " bytes as JSON, larger than " + maxEventBytes + " bytes");
      }
      final List<Violation> violations =
          SchemaValidator.violations(event.type(), event.schemaVersion(), event.data());
      return violations.isEmpty()
          ? Optional.empty()
          : Optional.of(
              "violates "
                  + event.dataSchema()
                  + ": "
                  + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    } finally {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
