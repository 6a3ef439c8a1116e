package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.deadletters.DeadLetter;
import com.example.fulfillment.app.events.deadletters.DeadLetters;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.common.Sha256;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * The dead-letter queue for operators, over plain AMQP (no management plugin needed): messages are
 * fetched with {@code basic.get} without auto-ack and, unless re-driven, rejected with requeue at
 * the end, which puts them back where they were. A re-driven message is published to the inbound
 * queue (confirmed) before it is acknowledged in the dead-letter queue: a crash in between leaves
 * it in both, never in neither.
 *
 * <p>The queue has no consumer of its own; while one admin call walks it, another sees only what
 * the first has not taken yet.
 */
public record RabbitDeadLetters(
    RabbitTemplate rabbit,
    RabbitEventProperties properties,
    CloudEventMessages messages,
    Redelivery redelivery,
    Clock clock)
    implements DeadLetters {

  private static final int MAX_BODY = 4096;

  /** Messages one call looks at, at most (a guard; dead-letter queues should stay small). */
  private static final int MAX_SCAN = 100_000;

  private static final String BROKER_REJECTED = "rejected";

  private static final MessagePropertiesConverter CONVERTER =
      new DefaultMessagePropertiesConverter();

  @Override
  public String transport() {
    return "rabbitmq";
  }

  @Override
  public String queue() {
    return properties.deadLetterQueue();
  }

  @Override
  public String inboundQueue() {
    return properties.inboundQueue();
  }

  @Override
  public List<DeadLetter> list(final int limit) {
    return rabbit.execute(
        channel -> {
          final List<DeadLetter> found = new ArrayList<>();
          final List<Long> taken = new ArrayList<>();
          try {
            for (GetResponse r = next(channel, taken, limit);
                r != null;
                r = next(channel, taken, limit)) {
              found.add(view(message(r)));
            }
          } finally {
            putBack(channel, taken);
          }
          return found;
        });
  }

  @Override
  public boolean redrive(final String id) {
    return redrive(m -> id.equals(idOf(m)), 1) == 1;
  }

  @Override
  public int redriveAll() {
    final Instant start = clock.instant();
    // only what was dead-lettered before this call: a re-driven message that fails again comes
    // back with a later x-dlq-at and waits for the next re-drive
    return redrive(m -> deadLetteredAt(m).map(at -> !at.isAfter(start)).orElse(true), MAX_SCAN);
  }

  /** Re-drives up to {@code max} of the messages in the queue that match. */
  private int redrive(final Predicate<Message> wanted, final int max) {
    final Integer count =
        rabbit.execute(
            channel -> {
              final List<Long> keep = new ArrayList<>();
              int moved = 0;
              try {
                for (int scanned = 0; scanned < MAX_SCAN && moved < max; scanned++) {
                  final GetResponse r = channel.basicGet(properties.deadLetterQueue(), false);
                  if (r == null) {
                    break;
                  }
                  final long tag = r.getEnvelope().getDeliveryTag();
                  final Message message = message(r);
                  if (!wanted.test(message)) {
                    keep.add(tag);
                    continue;
                  }
                  final Message again = redelivery.redriven(message, clock.instant());
                  final AMQP.BasicProperties basic =
                      CONVERTER.fromMessageProperties(
                          again.getMessageProperties(), StandardCharsets.UTF_8.name());
                  channel.basicPublish(
                      RabbitTopology.DEFAULT_EXCHANGE,
                      properties.inboundQueue(),
                      basic,
                      again.getBody());
                  // the channel is in confirm mode (publisher-confirm-type=simple)
                  channel.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
                  channel.basicAck(tag, false);
                  moved++;
                }
              } finally {
                putBack(channel, keep);
              }
              return moved;
            });
    return count == null ? 0 : count;
  }

  private GetResponse next(final Channel channel, final List<Long> taken, final int limit)
      throws java.io.IOException {
    if (taken.size() >= limit) {
      return null;
    }
    final GetResponse r = channel.basicGet(properties.deadLetterQueue(), false);
    if (r != null) {
      taken.add(r.getEnvelope().getDeliveryTag());
    }
    return r;
  }

  /**
   * Requeues what this channel fetched and did not move. The nacks are asynchronous; the passive
   * declare after them is a round trip on the same channel, so when this returns the messages are
   * back in the queue for the next caller (on whatever channel).
   */
  private void putBack(final Channel channel, final List<Long> tags) throws java.io.IOException {
    for (Long tag : tags) {
      channel.basicNack(tag, false, true);
    }
    if (!tags.isEmpty()) {
      channel.queueDeclarePassive(properties.deadLetterQueue());
    }
  }

  private Message message(final GetResponse r) {
    final MessageProperties props =
        CONVERTER.toMessageProperties(r.getProps(), r.getEnvelope(), StandardCharsets.UTF_8.name());
    props.setMessageCount(r.getMessageCount());
    return new Message(r.getBody(), props);
  }

  private DeadLetter view(final Message message) {
    final Map<String, Object> headers = message.getMessageProperties().getHeaders();
    final Optional<IncomingEvent> event = messages.peek(message);
    final String body = new String(message.getBody(), StandardCharsets.UTF_8);
    return new DeadLetter(
        idOf(message),
        event.map(IncomingEvent::id).orElse(null),
        event.map(IncomingEvent::type).orElse(null),
        event.map(IncomingEvent::subject).orElse(null),
        text(headers.get(InboundHeaders.DLQ_CATEGORY)).orElse(BROKER_REJECTED),
        text(headers.get(InboundHeaders.DLQ_REASON))
            .orElse("dead-lettered by the broker (rejected without requeue)"),
        Math.max(1, Redelivery.number(headers.get(InboundHeaders.ATTEMPT))),
        deadLetteredAt(message).orElse(null),
        text(headers.get(InboundHeaders.ORIGINAL_ROUTING_KEY))
            .orElse(message.getMessageProperties().getReceivedRoutingKey()),
        Redelivery.number(headers.get(InboundHeaders.REDRIVE_COUNT)),
        message.getMessageProperties().getContentType(),
        body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY));
  }

  /**
   * The id an operator re-drives by: ours ({@value InboundHeaders#DLQ_ID}), else the message id,
   * else a digest of the body (a message the broker dead-lettered may have neither).
   */
  static String idOf(final Message message) {
    final Object id = message.getMessageProperties().getHeaders().get(InboundHeaders.DLQ_ID);
    if (id != null) {
      return id.toString();
    }
    final String messageId = message.getMessageProperties().getMessageId();
    if (messageId != null && !messageId.isBlank()) {
      return messageId;
    }
    return "sha256-" + HexFormat.of().formatHex(Sha256.of(message.getBody()), 0, 16);
  }

  private static Optional<Instant> deadLetteredAt(final Message message) {
    return text(message.getMessageProperties().getHeaders().get(InboundHeaders.DLQ_AT))
        .flatMap(RabbitDeadLetters::instant);
  }

  private static Optional<String> text(final Object value) {
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }

  private static Optional<Instant> instant(final String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
