package com.example.fulfillment.app.events.deadletters;

import com.example.fulfillment.app.events.EventProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default transport ({@code log}) has no dead letters; RabbitMQ's are in {@code events.rabbit}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

  @Bean
  @ConditionalOnProperty(
      name = EventProperties.TRANSPORT_PROPERTY,
      havingValue = "log",
      matchIfMissing = true)
  DeadLetters noDeadLetters() {
    return DeadLetters.NONE;
  }
}
