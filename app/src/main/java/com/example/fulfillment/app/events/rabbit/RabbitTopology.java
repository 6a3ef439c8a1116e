package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.contracts.EventSchemas;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * What the app declares on the broker (idempotent; all durable):
 *
 * <pre>
 * exchange  fulfillment.events (topic)
 *   ── com.example.order.*               → whoever binds a queue (the app publishes, consumes none;
 *   ── com.example.order.completed.v2      later versions of a contract: TYPE.vN)
 *   ── com.example.payment.confirmed     ┐
 *   ── com.example.payment.confirmed.v2  │
 *   ── com.example.payment.declined      ├→ queue fulfillment.inbound → the app's consumer
 *   ── com.example.shipment.delivered    ┘ (every version of each inbound contract)
 * queue fulfillment.inbound.retry  (no consumer) a message waits here its backoff (per-message
 *   expiration), then the broker dead-letters it back to fulfillment.inbound
 * queue fulfillment.inbound.dlq    what the consumer gave up on, with the reason in headers;
 *   also the broker's own dead-letter target for fulfillment.inbound (a message rejected
 *   without requeue)
 * </pre>
 *
 * The retry and dead-letter hops go through the default exchange (routing key = queue name), so
 * they reach exactly one queue, never other subscribers of the topic exchange.
 */
public final class RabbitTopology {

  static final String DEAD_LETTER_EXCHANGE = "x-dead-letter-exchange";
  static final String DEAD_LETTER_ROUTING_KEY = "x-dead-letter-routing-key";

  /** The default exchange: routes by queue name. */
  static final String DEFAULT_EXCHANGE = "";

  private RabbitTopology() {}

  public static Declarables declarables(final RabbitEventProperties properties) {
    final TopicExchange exchange =
        ExchangeBuilder.topicExchange(properties.exchange()).durable(true).build();
    final Queue inbound =
        QueueBuilder.durable(properties.inboundQueue())
            .withArgument(DEAD_LETTER_EXCHANGE, DEFAULT_EXCHANGE)
            .withArgument(DEAD_LETTER_ROUTING_KEY, properties.deadLetterQueue())
            .build();
    final Queue retry =
        QueueBuilder.durable(properties.retryQueue())
            .withArgument(DEAD_LETTER_EXCHANGE, DEFAULT_EXCHANGE)
            .withArgument(DEAD_LETTER_ROUTING_KEY, properties.inboundQueue())
            .build();
    final Queue deadLetters = QueueBuilder.durable(properties.deadLetterQueue()).build();
    final List<Declarable> all = new ArrayList<>(List.of(exchange, inbound, retry, deadLetters));
    for (String type : EventTypes.ALL) {
      // every version of the type's contract: <type> (v1), <type>.v2, … (EventSchemas.routingKey)
      for (int version : EventSchemas.versions(type)) {
        final Binding binding =
            BindingBuilder.bind(inbound).to(exchange).with(EventSchemas.routingKey(type, version));
        all.add(binding);
      }
    }
    return new Declarables(all);
  }
}
