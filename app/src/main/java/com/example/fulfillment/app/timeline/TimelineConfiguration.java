package com.example.fulfillment.app.timeline;

import com.example.fulfillment.app.engine.EngineEpochs;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the timeline's process entries come from, per engine mode. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

  /** Embedded mode: the engine's own records, through the in-process exporter. */
  @Bean
  @ConditionalOnProperty(
      name = "fulfillment.engine.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  EngineTimelineListener engineTimelineListener(final Timeline timeline) {
    return new EngineTimelineListener(timeline);
  }

  /** Remote mode: what the job workers saw of each job. */
  @Bean
  @ConditionalOnProperty(name = "fulfillment.engine.mode", havingValue = "remote")
  WorkerTimelineListener workerTimelineListener(
      final Timeline timeline,
      final BpmnElements elements,
      final EngineEpochs epochs,
      final Clock clock) {
    // A JobListener bean: the domain's wiring registers it with the job handling.
    return new WorkerTimelineListener(timeline, elements, epochs::current, clock);
  }
}
