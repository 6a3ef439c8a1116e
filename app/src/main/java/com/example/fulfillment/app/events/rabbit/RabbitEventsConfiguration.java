package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.EventProperties;
import com.example.fulfillment.app.events.deadletters.DeadLetters;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.outbound.EventPublisher;
import com.example.fulfillment.app.tracing.Tracing;
import com.example.fulfillment.app.web.ApiJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.amqp.RabbitHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RabbitMQ transport ({@code fulfillment.events.transport=rabbitmq}, or profile {@code
 * rabbitmq}): topology, the outbox's publisher, the inbound consumer, the dead letters and a health
 * check ({@code eventBroker}). In the default transport none of these beans exist, so nothing
 * connects to a broker (Boot's own {@code rabbit} health check is off in application.yaml for the
 * same reason).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EventProperties.TRANSPORT_PROPERTY, havingValue = "rabbitmq")
class RabbitEventsConfiguration {

  @Bean
  Declarables fulfillmentTopology(final RabbitEventProperties properties) {
    return RabbitTopology.declarables(properties);
  }

  @Bean
  CloudEventMessages cloudEventMessages(
      final ApiJson json, final RabbitEventProperties properties) {
    return new CloudEventMessages(json.mapper(), properties.maxMessageBytes());
  }

  @Bean
  EventPublisher rabbitEventPublisher(
      final RabbitTemplate rabbit,
      final CloudEventMessages messages,
      final RabbitEventProperties properties) {
    return new RabbitEventPublisher(rabbit, messages, properties);
  }

  @Bean
  Redelivery inboundRedelivery(
      final RabbitTemplate rabbit, final RabbitEventProperties properties) {
    return new Redelivery(rabbit, properties);
  }

  @Bean
  InboundEventConsumer inboundEventConsumer(
      final EventIngress ingress,
      final CloudEventMessages messages,
      final Redelivery redelivery,
      final Clock clock,
      final RabbitEventProperties properties,
      final ObjectProvider<MeterRegistry> meters,
      final Tracing tracing) {
    return new InboundEventConsumer(
        ingress,
        messages,
        redelivery,
        clock,
        properties,
        meters.getIfAvailable(SimpleMeterRegistry::new),
        tracing);
  }

  /** Manual acks (the consumer acks after the engine took the event); starts with the app. */
  @Bean
  SimpleMessageListenerContainer inboundEventContainer(
      final ConnectionFactory connectionFactory,
      final InboundEventConsumer consumer,
      final RabbitEventProperties properties) {
    final SimpleMessageListenerContainer container =
        new SimpleMessageListenerContainer(connectionFactory);
    container.setQueueNames(properties.inboundQueue());
    container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
    container.setMessageListener(consumer);
    container.setConcurrentConsumers(properties.concurrency());
    container.setPrefetchCount(properties.prefetch());
    container.setDefaultRequeueRejected(false);
    // the broker may come up after the app: keep trying instead of failing the start
    container.setMissingQueuesFatal(false);
    return container;
  }

  @Bean
  DeadLetters rabbitDeadLetters(
      final RabbitTemplate rabbit,
      final RabbitEventProperties properties,
      final CloudEventMessages messages,
      final Redelivery redelivery,
      final Clock clock) {
    return new RabbitDeadLetters(rabbit, properties, messages, redelivery, clock);
  }

  /** Health component {@code eventBroker}: the broker's version, or DOWN. */
  @Bean
  HealthIndicator eventBrokerHealthIndicator(final RabbitTemplate rabbit) {
    return new RabbitHealthIndicator(rabbit);
  }
}
