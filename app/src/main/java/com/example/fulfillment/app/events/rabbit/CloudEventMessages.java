package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.events.inbound.IncomingCloudEvents;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.events.inbound.InvalidEventException;
import com.example.fulfillment.app.events.outbound.OutboundCloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * CloudEvents on AMQP 0-9-1 messages, through the CloudEvents SDK. Out: structured mode ({@value
 * IncomingCloudEvents#MEDIA_TYPE} body, the SDK's JSON event format), with message id = event id,
 * type = event type, correlation id = {@code correlationid}, persistent; the event's {@code
 * traceparent} (distributed-tracing extension, in the body) also as header {@code traceparent},
 * where tracing AMQP clients (e.g. Spring AMQP's observation) look for it. In, like the HTTP
 * webhook:
 *
 * <ul>
 *   <li>structured mode: content type {@value IncomingCloudEvents#MEDIA_TYPE} (or no binary-mode
 *       headers and a JSON body with {@code specversion});
 *   <li>binary mode: the attributes in headers {@code cloudEvents:*} (the CloudEvents AMQP
 *       binding), {@code cloudEvents_*}, {@code ce-*} or {@code ce_*}, the data as a JSON body
 *       ({@link AmqpBinaryMessageReader}).
 * </ul>
 */
public final class CloudEventMessages {
  static final String APP_ID = "order-fulfillment";
  private static final List<String> BINARY_PREFIXES =
      List.of("cloudEvents:", "cloudEvents_", "ce-", "ce_");

  private final ObjectMapper json;
  private final int maxBytes;

  public CloudEventMessages(final ObjectMapper json, final int maxBytes) {
    this.json = json;
    this.maxBytes = maxBytes;
  }

  /** The domain event as a persistent structured-mode message. */
  public Message write(final OutboundCloudEvent event) {
    final MessageBuilder message = MessageBuilder.withBody(event.toJson());
    if (event.traceparent() != null) {
      message.setHeader(OutboundCloudEvent.TRACEPARENT, event.traceparent());
    }
    return message
        .setContentType(IncomingCloudEvents.MEDIA_TYPE)
        .setContentEncoding("UTF-8")
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .setMessageId(event.id())
        .setType(event.type())
        .setCorrelationId(event.correlationId())
        .setTimestamp(Date.from(event.time()))
        .setAppId(APP_ID)
        .build();
  }

  /**
   * @throws InvalidEventException if the message is no CloudEvent (too large, not JSON, wrong
   *     shape); its content is validated later by the ingress
   */
  public IncomingEvent read(final Message message) {
    final byte[] body = message.getBody();
    if (body != null && body.length > maxBytes) {
      throw IncomingCloudEvents.invalid("(body)", "is larger than " + maxBytes + " bytes");
    }
    final MessageProperties properties = message.getMessageProperties();
    final String contentType =
        properties.getContentType() == null
            ? null
            : properties.getContentType().toLowerCase(Locale.ROOT);
    if (contentType != null && contentType.startsWith(IncomingCloudEvents.MEDIA_TYPE)) {
      return IncomingCloudEvents.structured(body);
    }
    final Optional<String> prefix = binaryPrefix(properties.getHeaders());
    if (prefix.isPresent()) {
      return binary(prefix.get(), properties.getHeaders(), contentType, body);
    }
    final JsonNode node = IncomingCloudEvents.json(json, body);
    if (node.isObject() && node.has("specversion")) {
      return IncomingCloudEvents.structured(body);
    }
    throw IncomingCloudEvents.invalid(
        "(message)",
        "is no CloudEvent: send content type "
            + IncomingCloudEvents.MEDIA_TYPE
            + " (structured mode) or cloudEvents:* headers (binary mode)");
  }

  /** A best-effort look at a message that may be unreadable (for the dead-letter listing). */
  public Optional<IncomingEvent> peek(final Message message) {
    try {
      return Optional.of(read(message));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private IncomingEvent binary(
      final String prefix,
      final Map<String, Object> headers,
      final String contentType,
      final byte[] body) {
    // no content type arrives as Spring's default, application/octet-stream
    if (contentType != null
        && !contentType.startsWith("application/json")
        && !contentType.startsWith("application/octet-stream")) {
      throw IncomingCloudEvents.invalid("datacontenttype", "must be application/json");
    }
    return IncomingCloudEvents.binary(
        json, () -> new AmqpBinaryMessageReader(prefix, headers, "application/json", body), true);
  }

  private static Optional<String> binaryPrefix(final Map<String, Object> headers) {
    return BINARY_PREFIXES.stream().filter(p -> headers.containsKey(p + "specversion")).findFirst();
  }
}
