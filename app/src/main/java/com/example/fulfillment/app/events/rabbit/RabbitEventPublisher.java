package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.outbound.EventPublisher;
import com.example.fulfillment.app.events.outbound.OutboundCloudEvent;
import com.example.fulfillment.contracts.EventSchemas;
import com.rabbitmq.client.Channel;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes domain events to the topic exchange, routing key = event type (and version: {@link
 * EventSchemas#routingKey}), with publisher confirms: all of a batch on one channel, then one wait
 * for the broker's acks, each ack mapped back to its event by the channel's publish sequence number
 * (so one nack fails one event, not the batch). Needs {@code
 * spring.rabbitmq.publisher-confirm-type=simple}.
 */
public class RabbitEventPublisher implements EventPublisher {

  private final RabbitTemplate rabbit;
  private final CloudEventMessages messages;
  private final String exchange;
  private final long confirmTimeoutMillis;

  public RabbitEventPublisher(
      final RabbitTemplate rabbit,
      final CloudEventMessages messages,
      final RabbitEventProperties properties) {
    this.rabbit = rabbit;
    this.messages = messages;
    this.exchange = properties.exchange();
    this.confirmTimeoutMillis = properties.confirmTimeout().toMillis();
  }

  @Override
  public Confirmation publish(final List<OutboundCloudEvent> events) {
    final NavigableMap<Long, String> idBySeq = new ConcurrentSkipListMap<>();
    final Set<String> acked = ConcurrentHashMap.newKeySet();
    final Set<String> nacked = ConcurrentHashMap.newKeySet();
    final Boolean allAcked =
        rabbit.invoke(
            template -> {
              for (OutboundCloudEvent event : events) {
                final Long seq = template.execute(Channel::getNextPublishSeqNo);
                idBySeq.put(seq, event.id());
                template.send(
                    exchange,
                    EventSchemas.routingKey(event.type(), event.schemaVersion()),
                    messages.write(event));
              }
              try {
                return template.waitForConfirms(confirmTimeoutMillis);
              } catch (AmqpTimeoutException e) {
                return false;
              }
            },
            (tag, multiple) -> confirmed(idBySeq, tag, multiple, acked),
            (tag, multiple) -> confirmed(idBySeq, tag, multiple, nacked));
    if (Boolean.TRUE.equals(allAcked)) {
      return Confirmation.all(events);
    }
    acked.removeAll(nacked);
    return new Confirmation(
        acked,
        nacked.isEmpty()
            ? "the broker did not confirm within " + confirmTimeoutMillis + " ms"
            : "the broker refused (nack) " + nacked.size() + " event(s)");
  }

  private static void confirmed(
      final NavigableMap<Long, String> idBySeq,
      final long tag,
      final boolean multiple,
      final Set<String> into) {
    final Map<Long, String> confirmed =
        multiple ? idBySeq.headMap(tag, true) : Map.of(tag, idBySeq.getOrDefault(tag, ""));
    confirmed.values().stream().filter(id -> !id.isEmpty()).forEach(into::add);
  }
}
