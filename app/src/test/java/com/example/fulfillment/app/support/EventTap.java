package com.example.fulfillment.app.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A subscriber for tests: its own queue bound to an exchange, drained on demand. Every message it
 * got stays in {@link #all()}, parsed, so a test sees duplicates and order.
 */
public final class EventTap implements AutoCloseable {

  /** A message and its body as JSON (structured-mode CloudEvent). */
  public record Tapped(Message message, JsonNode event) {
    public String type() {
      return event.path("type").asText();
    }

    public String id() {
      return event.path("id").asText();
    }

    public String subject() {
      return event.path("subject").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TAP_EXPIRES_MS = 600_000;

  private final RabbitTemplate rabbit;
  private final RabbitAdmin admin;
  private final String queue;
  private final List<Tapped> received = new CopyOnWriteArrayList<>();

  private EventTap(final ConnectionFactory connectionFactory, final String queue) {
    this.rabbit = new RabbitTemplate(connectionFactory);
    this.admin = new RabbitAdmin(connectionFactory);
    this.queue = queue;
  }

  /**
   * A new queue {@code queue} bound to {@code exchange} (declared if missing) with {@code pattern}.
   */
  public static EventTap bind(
      final ConnectionFactory connectionFactory,
      final String exchange,
      final String queue,
      final String pattern) {
    final EventTap tap = new EventTap(connectionFactory, queue);
    final TopicExchange topic = new TopicExchange(exchange, true, false);
    // durable (RabbitMQ 4 deprecates transient shared queues), and gone after 10 idle minutes
    // even if a test dies before close()
    final Queue q = new Queue(queue, true, false, false, Map.of("x-expires", TAP_EXPIRES_MS));
    tap.admin.declareExchange(topic);
    tap.admin.declareQueue(q);
    tap.admin.declareBinding(BindingBuilder.bind(q).to(topic).with(pattern));
    return tap;
  }

  public synchronized List<Tapped> all() {
    for (Message m = rabbit.receive(queue); m != null; m = rabbit.receive(queue)) {
      try {
        received.add(new Tapped(m, JSON.readTree(m.getBody())));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + new String(m.getBody()), e);
      }
    }
    return List.copyOf(received);
  }

  public List<Tapped> about(final String subject) {
    return all().stream().filter(t -> subject.equals(t.subject())).toList();
  }

  /** Waits until the subject's events have exactly these types, in this order, and returns them. */
  public List<Tapped> awaitTypes(final String subject, final List<String> types) {
    return await(subject + " events " + types)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> about(subject), got -> got.stream().map(Tapped::type).toList().equals(types));
  }

  @Override
  public void close() {
    admin.deleteQueue(queue);
  }
}
