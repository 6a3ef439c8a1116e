package com.example.fulfillment.app.events.rabbit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Moves an inbound message on: to the retry queue (it comes back after its backoff), to the
 * dead-letter queue (with the reason), or back to the inbound queue (re-drive). Each move is a copy
 * published with a broker confirm; the caller acknowledges the original only after it returned, so
 * a crash in between leaves a duplicate, never a loss.
 */
public record Redelivery(RabbitTemplate rabbit, RabbitEventProperties properties) {

  private static final int MAX_HEADER_TEXT = 1000;

  /** Why a message is dead-lettered. */
  public enum Category {
    INVALID_EVENT("invalid-event"),
    UNKNOWN_ORDER("unknown-order"),
    RETRIES_EXHAUSTED("retries-exhausted");

    private final String header;

    Category(final String header) {
      this.header = header;
    }

    public String header() {
      return header;
    }
  }

  /** To the retry queue: back in {@code delay}, as delivery number {@code nextAttempt}. */
  public void retry(
      final Message message, final int nextAttempt, final Duration delay, final String error) {
    final Message copy =
        copy(message)
            .setHeader(InboundHeaders.ATTEMPT, nextAttempt)
            .setHeader(InboundHeaders.LAST_ERROR, clip(error))
            // the retry queue dead-letters it back to the inbound queue when this expires
            .setExpiration(Long.toString(Math.max(1, delay.toMillis())))
            .build();
    publish(properties.retryQueue(), copy);
  }

  /** To the dead-letter queue, with the reason. */
  public void deadLetter(
      final Message message, final Category category, final String reason, final Instant now) {
    final Message copy =
        copy(message)
            .setHeader(InboundHeaders.DLQ_ID, UUID.randomUUID().toString())
            .setHeader(InboundHeaders.DLQ_CATEGORY, category.header())
            .setHeader(InboundHeaders.DLQ_REASON, clip(reason))
            .setHeader(InboundHeaders.DLQ_AT, now.toString())
            .build();
    publish(properties.deadLetterQueue(), copy);
  }

  /**
   * A dead letter as a new delivery: attempts and the unknown-order clock start over, the
   * dead-letter headers go.
   */
  public Message redriven(final Message deadLetter, final Instant now) {
    final Object count =
        deadLetter.getMessageProperties().getHeaders().get(InboundHeaders.REDRIVE_COUNT);
    final Message copy =
        copy(deadLetter)
            .setHeader(InboundHeaders.ATTEMPT, 1)
            .setHeader(InboundHeaders.FIRST_RECEIVED_AT, now.toString())
            .setHeader(InboundHeaders.REDRIVE_COUNT, number(count) + 1)
            .build();
    final Map<String, Object> headers = copy.getMessageProperties().getHeaders();
    headers.remove(InboundHeaders.DLQ_ID);
    headers.remove(InboundHeaders.DLQ_CATEGORY);
    headers.remove(InboundHeaders.DLQ_REASON);
    headers.remove(InboundHeaders.DLQ_AT);
    headers.remove(InboundHeaders.LAST_ERROR);
    return copy;
  }

  /** The message's own properties and headers, made fit to publish again. */
  static MessageBuilder copy(final Message message) {
    final MessageProperties received = message.getMessageProperties();
    final Message clone = MessageBuilder.fromClonedMessage(message).build();
    final MessageProperties props = clone.getMessageProperties();
    // received-side fields are not sent; the delivery mode must be set again (persistent)
    props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    props.setExpiration(null);
    props.getHeaders().remove(InboundHeaders.X_DEATH);
    if (!props.getHeaders().containsKey(InboundHeaders.ORIGINAL_ROUTING_KEY)
        && received.getReceivedRoutingKey() != null) {
      props.setHeader(InboundHeaders.ORIGINAL_ROUTING_KEY, received.getReceivedRoutingKey());
      props.setHeader(
          InboundHeaders.ORIGINAL_EXCHANGE,
          received.getReceivedExchange() == null ? "" : received.getReceivedExchange());
    }
    return MessageBuilder.fromMessage(clone);
  }

  /** Publishes to one queue (default exchange) and waits for the broker's confirm. */
  void publish(final String queue, final Message message) {
    final long timeout = properties.confirmTimeout().toMillis();
    final Boolean confirmed =
        rabbit.invoke(
            template -> {
              template.send(RabbitTopology.DEFAULT_EXCHANGE, queue, message);
              return template.waitForConfirms(timeout);
            });
    if (!Boolean.TRUE.equals(confirmed)) {
      throw new AmqpIOException(
          new java.io.IOException("the broker did not confirm the message to " + queue));
    }
  }

  static int number(final Object header) {
    if (header instanceof Number n) {
      return n.intValue();
    }
    if (header != null) {
      try {
        return Integer.parseInt(header.toString());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static String clip(final String text) {
    return text == null || text.length() <= MAX_HEADER_TEXT
        ? text
        : text.substring(0, MAX_HEADER_TEXT);
  }
}
