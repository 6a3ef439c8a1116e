package com.example.fulfillment.engine;

import io.camunda.zeebe.process.test.engine.EmbeddedEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that exist only with the embedded engine (started by {@link EmbeddedEngineInitializer}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fulfillment.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

  /**
   * @param trimLog {@code false} keeps the whole log (tests that read the engine's record stream
   *     need it); {@code true} drops what is processed and exported, bounding memory
   */
  @Bean
  BackoffRecurrenceWatchdog backoffRecurrenceWatchdog(final EmbeddedEngine engine) {
    return new BackoffRecurrenceWatchdog(engine::recheckDueDates);
  }

  @Bean
  EmbeddedEngineExporter embeddedEngineExporter(
      final EmbeddedEngine engine,
      final List<EngineRecordListener> listeners,
      final MeterRegistry meters,
      @Value("${fulfillment.engine.embedded.trim-log:true}") final boolean trimLog) {
    return new EmbeddedEngineExporter(engine, listeners, trimLog, meters);
  }
}
