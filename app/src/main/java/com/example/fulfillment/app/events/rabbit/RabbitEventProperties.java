package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.RetryBackoffSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RabbitMQ transport ({@code fulfillment.events.rabbitmq.*}; the connection itself is {@code
 * spring.rabbitmq.*}). See {@link RabbitTopology} for what is declared.
 *
 * @param exchange the durable topic exchange: domain events out (routing key = type), partner
 *     events in
 * @param inboundQueue the queue the app consumes; {@code <inboundQueue>.retry} and {@code
 *     <inboundQueue>.dlq} go with it
 * @param concurrency consumers on the inbound queue
 * @param prefetch unacknowledged messages per consumer
 * @param maxAttempts deliveries of a message that fails technically (engine or database away)
 *     before it is dead-lettered
 * @param retryInitial wait before the 2nd delivery; then {@code × retryMultiplier}, at most {@code
 *     retryMax}
 * @param unknownOrderTtl how long an event for an unknown order is retried (the order may be
 *     recorded a moment later) before it is dead-lettered
 * @param confirmTimeout how long to wait for the broker to confirm a publish
 * @param maxMessageBytes larger inbound messages are dead-lettered unread
 */
@ConfigurationProperties("fulfillment.events.rabbitmq")
public record RabbitEventProperties(
    @DefaultValue("fulfillment.events") String exchange,
    @DefaultValue("fulfillment.inbound") String inboundQueue,
    @DefaultValue("1") int concurrency,
    @DefaultValue("10") int prefetch,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("PT1S") Duration retryInitial,
    @DefaultValue("2") double retryMultiplier,
    @DefaultValue("PT1M") Duration retryMax,
    @DefaultValue("PT5M") Duration unknownOrderTtl,
    @DefaultValue("PT10S") Duration confirmTimeout,
    @DefaultValue("65536") int maxMessageBytes)
    implements RetryBackoffSettings {

  public RabbitEventProperties {
    if (maxAttempts < 1 || concurrency < 1 || prefetch < 1) {
      throw new IllegalArgumentException(
          "fulfillment.events.rabbitmq: max-attempts, concurrency and prefetch must be >= 1");
    }
  }

  public String retryQueue() {
    return inboundQueue + ".retry";
  }

  public String deadLetterQueue() {
    return inboundQueue + ".dlq";
  }
}
