package com.example.fulfillment.app.events.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.asyncapi.bindings.amqp.v0._3_0.channel.AMQPChannelBinding;
import com.asyncapi.bindings.amqp.v0._3_0.channel.AMQPChannelType;
import com.asyncapi.schemas.asyncapi.AsyncAPISchema;
import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.asyncapi.v3._0_0.model.channel.message.Message;
import com.asyncapi.v3._0_0.model.operation.Operation;
import com.asyncapi.v3._0_0.model.operation.OperationAction;
import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.rabbit.RabbitEventProperties;
import com.example.fulfillment.app.events.rabbit.RabbitTopology;
import com.example.fulfillment.contracts.EventSchemas;
import com.example.fulfillment.contracts.EventSchemas.SchemaId;
import com.example.fulfillment.order.OrderEventTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The AsyncAPI document (contracts module, served at /asyncapi.yaml), parsed with asyncapi-core and
 * held against the code: every type the app publishes ({@link OrderEventTypes}) or consumes ({@link
 * EventTypes}) has a message, no message names a type the code does not know, every schema file has
 * exactly one message whose data is a {@code $ref} to it, and the exchange, routing keys and queues
 * are the ones {@link RabbitTopology} declares.
 */
class AsyncApiDocumentTest {

  private static AsyncAPI document;
  private static Map<String, Message> messages;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in =
        EventSchemas.class.getClassLoader().getResourceAsStream(EventSchemas.ASYNCAPI)) {
      assertThat(in).as(EventSchemas.ASYNCAPI + " on the classpath").isNotNull();
      document = new ObjectMapper(new YAMLFactory()).readValue(in, AsyncAPI.class);
    }
    assertThat(document.getAsyncapi()).isEqualTo("3.0.0");
    messages = new HashMap<>();
    document
        .getComponents()
        .getMessages()
        .forEach((name, message) -> messages.put(name, (Message) message));
  }

  @Test
  void everyTypeTheCodePublishesOrConsumesHasAMessageAndNoOtherTypeDoes() {
    final Set<String> known = new TreeSet<>(OrderEventTypes.ALL);
    known.addAll(EventTypes.ALL);
    final Set<String> documented =
        messages.values().stream().map(AsyncApiDocumentTest::type).collect(toSorted());
    assertThat(documented).isEqualTo(known);
    // the message's name is its type too (what tools show)
    messages.values().forEach(m -> assertThat(m.getName()).isEqualTo(type(m)));
  }

  @Test
  void everySchemaFileHasOneMessageWhoseDataIsARefToIt() {
    final List<SchemaId> described =
        messages.values().stream().map(m -> new SchemaId(type(m), version(m))).sorted().toList();
    assertThat(described).containsExactlyElementsOf(EventSchemas.all());
    for (Message message : messages.values()) {
      final Map<String, Object> specific =
          ((AsyncAPISchema) payload(message).getAllOf().get(1)).getProperties();
      final String file = "./" + new SchemaId(type(message), version(message)).resource();
      assertThat(((AsyncAPISchema) specific.get("data")).getRef())
          .as(message.getName())
          .isEqualTo(file);
      assertThat(((AsyncAPISchema) specific.get("type")).getConstValue()).isEqualTo(type(message));
    }
  }

  @Test
  void theAppSendsEveryPublishedTypeInEveryVersionUnderItsRoutingKey() {
    final Set<String> sent = routingKeysOf(OperationAction.SEND, "fulfillment.events");
    final Set<String> expected =
        OrderEventTypes.ALL.stream()
            .flatMap(t -> EventSchemas.versions(t).stream().map(v -> EventSchemas.routingKey(t, v)))
            .collect(toSorted());
    assertThat(sent).isEqualTo(expected);
  }

  /** The outbox writes the newest version of each type's schema, and nothing newer. */
  @Test
  void theCodePublishesTheNewestVersionOfEveryPublishedSchema() {
    assertThat(OrderEventTypes.LATEST_VERSION).containsOnlyKeys(OrderEventTypes.ALL);
    OrderEventTypes.LATEST_VERSION.forEach(
        (type, version) -> assertThat(EventSchemas.latest(type)).as(type).contains(version));
  }

  @Test
  void theQueuesAndInboundRoutingKeysAreWhatTheTopologyDeclares() {
    final RabbitEventProperties defaults =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("fulfillment.events.rabbitmq", RabbitEventProperties.class);
    final var declared = RabbitTopology.declarables(defaults);
    final Set<String> queues =
        declared.getDeclarablesByType(Queue.class).stream().map(Queue::getName).collect(toSorted());
    final Set<String> documentedQueues =
        channels().values().stream()
            .filter(c -> amqp(c).getIs() == AMQPChannelType.QUEUE)
            .peek(c -> assertThat(amqp(c).getQueue().getName()).isEqualTo(c.getAddress()))
            .peek(c -> assertThat(amqp(c).getQueue().getDurable()).isTrue())
            .map(Channel::getAddress)
            .collect(toSorted());
    assertThat(documentedQueues).isEqualTo(queues);
    final Set<String> exchanges =
        declared.getDeclarablesByType(Exchange.class).stream()
            .map(Exchange::getName)
            .collect(toSorted());
    final Set<String> documentedExchanges =
        channels().values().stream()
            .filter(c -> amqp(c).getIs() == AMQPChannelType.ROUTING_KEY)
            .map(c -> amqp(c).getExchange().getName())
            .collect(toSorted());
    assertThat(documentedExchanges).isEqualTo(exchanges);
    // the inbound queue's bindings: exactly the routing keys of the inbound messages
    final Set<String> bound =
        declared.getDeclarablesByType(Binding.class).stream()
            .filter(b -> b.getDestination().equals(defaults.inboundQueue()))
            .map(Binding::getRoutingKey)
            .collect(toSorted());
    final Set<String> inbound =
        EventTypes.ALL.stream()
            .flatMap(t -> EventSchemas.versions(t).stream().map(v -> EventSchemas.routingKey(t, v)))
            .collect(toSorted());
    assertThat(bound).isEqualTo(inbound);
    assertThat(routingKeyChannelsOf(inbound.size())).containsAll(inbound);
    // the app receives every inbound message from its queue
    final Operation consume = operation("consumeInbound");
    assertThat(consume.getAction()).isEqualTo(OperationAction.RECEIVE);
    assertThat(consume.getChannel().getRef()).isEqualTo("#/channels/inboundQueue");
    assertThat(
            consume.getMessages().stream()
                .map(r -> messages.get(last(r.getRef())))
                .map(AsyncApiDocumentTest::type)
                .collect(toSorted()))
        .isEqualTo(new TreeSet<>(EventTypes.ALL));
  }

  private static Set<String> routingKeysOf(final OperationAction action, final String exchange) {
    return document.getOperations().values().stream()
        .map(Operation.class::cast)
        .filter(o -> o.getAction() == action)
        .map(o -> (Channel) channels().get(last(o.getChannel().getRef())))
        .filter(c -> amqp(c).getIs() == AMQPChannelType.ROUTING_KEY)
        .filter(c -> exchange.equals(amqp(c).getExchange().getName()))
        .map(Channel::getAddress)
        .collect(toSorted());
  }

  private static Set<String> routingKeyChannelsOf(final int atLeast) {
    final Set<String> keys =
        channels().values().stream()
            .filter(c -> amqp(c).getIs() == AMQPChannelType.ROUTING_KEY)
            .map(Channel::getAddress)
            .collect(toSorted());
    assertThat(keys).hasSizeGreaterThanOrEqualTo(atLeast);
    return keys;
  }

  private static Map<String, Channel> channels() {
    return document.getChannels().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (Channel) e.getValue()));
  }

  private static Operation operation(final String name) {
    return (Operation) document.getOperations().get(name);
  }

  private static AMQPChannelBinding amqp(final Channel channel) {
    return (AMQPChannelBinding) channel.getBindings().get("amqp");
  }

  private static AsyncAPISchema payload(final Message message) {
    return (AsyncAPISchema) message.getPayload();
  }

  private static String type(final Message message) {
    return String.valueOf(message.getExtensionFields().get("x-event-type"));
  }

  private static int version(final Message message) {
    return Integer.parseInt(String.valueOf(message.getExtensionFields().get("x-event-version")));
  }

  private static String last(final String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static java.util.stream.Collector<String, ?, TreeSet<String>> toSorted() {
    return Collectors.toCollection(TreeSet::new);
  }
}
