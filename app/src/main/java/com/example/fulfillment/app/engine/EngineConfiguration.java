package com.example.fulfillment.app.engine;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.spring.properties.CamundaClientProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Camunda client wiring shared by both modes (the embedded-only beans are in {@link
 * EmbeddedEngineConfiguration}); each bean replaces a {@code @ConditionalOnMissingBean} default of
 * the starter.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /** The client's scheduler, owned and shut down by the client; see {@link ClientExecutor}. */
  @Bean
  CamundaClientExecutorService camundaClientExecutorService(
      final CamundaClientProperties properties) {
    return new CamundaClientExecutorService(
        new ClientExecutor(properties.getExecutionThreads()), true);
  }

  /** Quiesces the client's scheduler as soon as the shutdown begins, before workers close. */
  @Bean
  ApplicationListener<ContextClosedEvent> quiesceCamundaClientExecutor(
      final CamundaClientExecutorService executor) {
    return event -> {
      if (executor.get() instanceof ClientExecutor client) {
        client.quiesce();
      }
    };
  }

  @Bean
  CommandExceptionHandlingStrategy commandExceptionHandlingStrategy(
      final BackoffSupplier backoffSupplier, final CamundaClientExecutorService executor) {
    return new RetryingCommandExceptionHandling(backoffSupplier, executor.get());
  }
}
