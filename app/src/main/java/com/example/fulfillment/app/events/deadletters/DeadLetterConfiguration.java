package com.example.fulfillment.app.events.deadletters;

import com.example.fulfillment.app.events.LogTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default transport ({@code log}) has no dead letters; RabbitMQ's are in {@code events.rabbit}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

  @Bean
  @LogTransport
  DeadLetters noDeadLetters() {
    return DeadLetters.NONE;
  }
}
