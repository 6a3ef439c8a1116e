package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.app.events.EventProperties;
import com.example.fulfillment.app.events.LogTransport;
import com.example.fulfillment.app.events.contracts.DataSchemas;
import com.example.fulfillment.app.tracing.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox relay and, in the default transport ({@code log}), its publisher. The RabbitMQ
 * publisher is in {@code events.rabbit}.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  static final String PENDING = "fulfillment.events.outbox.pending";
  static final String HELD_NOW = "fulfillment.events.outbox.held.now";

  @Bean
  @LogTransport
  EventPublisher loggingEventPublisher() {
    return new LoggingEventPublisher();
  }

  @Bean
  OutboxRelay outboxRelay(
      final Outbox outbox,
      final EventPublisher publisher,
      final PlatformTransactionManager transactionManager,
      final Clock clock,
      final OutboxProperties properties,
      final EventProperties events,
      final DataSchemas dataSchemas,
      final ObjectProvider<MeterRegistry> meters,
      final Tracing tracing) {
    final MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
    // the backlog: grows while the broker is away, and should come back to ~0 after
    Gauge.builder(PENDING, outbox, o -> o.pending())
        .description("Outbox events not published yet")
        .register(registry);
    // events that violate their schema wait here for a fix: alert when it is above 0
    Gauge.builder(HELD_NOW, outbox, o -> o.held())
        .description("Outbox events held now: they violate their schema and are not sent")
        .register(registry);
    return OutboxRelay.create(
        outbox,
        publisher,
        transactionManager,
        clock,
        properties,
        new EventOrigin(events.source(), dataSchemas::dataSchema),
        registry,
        tracing.propagator());
  }

  @Bean
  @ConditionalOnProperty(
      name = "fulfillment.events.outbox.relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelayRunner outboxRelayRunner(final OutboxRelay relay, final OutboxProperties properties) {
    return new OutboxRelayRunner(relay, properties.pollInterval());
  }
}
