package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From the CloudEvents SDK to the app's {@link IncomingEvent}, the same for every carrier (the HTTP
 * webhook, the RabbitMQ consumer). The SDK reads the event (its JSON event format for structured
 * mode, a binding's {@link MessageReader} for binary mode) and checks its shape: required
 * attributes, string attributes, extension names, {@code time}, URI references. This adapter only
 * turns what the SDK refuses into {@link InvalidEventException} violations, and JSON data into a
 * map. {@link EventIngress} validates the content.
 */
public final class IncomingCloudEvents {

  /** Media type of a structured-mode CloudEvent in JSON. */
  public static final String MEDIA_TYPE = JsonFormat.CONTENT_TYPE;

  private static final JsonFormat FORMAT = new JsonFormat();
  private static final int MAX_ECHO = 100;

  /**
   * The SDK's refusals, by message (its exceptions carry no attribute name of their own), as the
   * violations the app has always answered with.
   */
  private record Rule(Pattern pattern, Function<Matcher, Violation> violation) {}

  private static final List<Rule> RULES =
      List.of(
          rule("Missing mandatory (\\w+) attribute", m -> v(m.group(1), "is required")),
          rule("Attribute '(\\w+)' cannot be null", m -> v(m.group(1), "is required")),
          rule("Wrong type \\w+ for attribute ([^,\\s]+)", m -> v(m.group(1), "must be a string")),
          rule("Invalid specversion", m -> v("specversion", "must be 1.0")),
          rule(
              "Invalid extensions name: (.*)",
              m -> v(m.group(1), "is not a CloudEvents attribute (extensions: a-z0-9)")),
          rule("value for \"time\"", m -> v("time", "must be an RFC 3339 timestamp")),
          rule("value for \"(source|dataschema)\"", m -> v(m.group(1), "must be a URI reference")),
          rule("value for \"([^\"]+)\"", m -> v(m.group(1), "has an invalid value")),
          rule(
              "type for \"([^\"]+)\"",
              m -> v(m.group(1), "must be a string, a boolean or an integer")),
          rule("both 'data' and 'data_base64'", m -> v("data_base64", "cannot come with data")),
          rule(
              "Cannot deserialize value of type `\\S*ObjectNode`",
              m -> v("(body)", "must be a CloudEvent JSON object")));

  private IncomingCloudEvents() {}

  /**
   * A structured-mode event ({@value #MEDIA_TYPE}), read by the SDK's JSON event format. Only JSON
   * data: {@code data_base64} is refused.
   *
   * @throws InvalidEventException if the body is no CloudEvent in JSON
   */
  public static IncomingEvent structured(final byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("(body)", "is empty");
    }
    final CloudEvent event = sdk(() -> FORMAT.deserialize(body));
    if (event == null) {
      throw invalid("(body)", "must be a CloudEvent JSON object");
    }
    if (event.getData() != null && !(event.getData() instanceof JsonCloudEventData)) {
      throw invalid("data", "must be JSON: binary data (data_base64) is not supported");
    }
    final JsonNode data =
        event.getData() == null ? null : ((JsonCloudEventData) event.getData()).getNode();
    return incoming(event, data(data), true);
  }

  /**
   * A binary-mode event: the attributes from the binding's headers (the SDK's reader), the data a
   * JSON body.
   *
   * @param reader the binding's reader (created here, so that its refusals map too)
   * @param traced whether a {@code traceparent} attribute counts (not over HTTP, where the
   *     request's own {@code traceparent} header is the context)
   * @throws InvalidEventException if the SDK refuses the event or the data is no JSON object
   */
  public static IncomingEvent binary(
      final ObjectMapper json, final Supplier<MessageReader> reader, final boolean traced) {
    final CloudEvent event = sdk(() -> reader.get().toEvent());
    final JsonNode data = event.getData() == null ? null : json(json, event.getData().toBytes());
    return incoming(event, data(data), traced);
  }

  /**
   * @throws InvalidEventException if the body is empty or not JSON
   */
  public static JsonNode json(final ObjectMapper json, final byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("(body)", "is empty");
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid("(body)", "is not valid JSON");
    } catch (IOException e) {
      throw invalid("(body)", "cannot be read");
    }
  }

  public static InvalidEventException invalid(final String field, final String message) {
    return new InvalidEventException(List.of(new Violation(field, message)));
  }

  private static IncomingEvent incoming(
      final CloudEvent event, final Map<String, Object> data, final boolean traced) {
    return new IncomingEvent(
        event.getSpecVersion().toString(),
        event.getId(),
        event.getSource() == null ? null : event.getSource().toString(),
        event.getType(),
        event.getSubject(),
        event.getDataContentType(),
        event.getTime() == null
            ? null
            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getTime()),
        data,
        traced ? text(event, "traceparent") : null,
        traced ? text(event, "tracestate") : null,
        event.getDataSchema() == null ? null : event.getDataSchema().toString());
  }

  /**
   * Event data as a map: text stays text; anything else stays a JSON node, so the ingress can tell
   * wrong types. Null for no data.
   */
  private static Map<String, Object> data(final JsonNode data) {
    if (data == null || data.isNull()) {
      return null;
    }
    if (!data.isObject()) {
      throw invalid("data", "must be a JSON object");
    }
    final Map<String, Object> map = new LinkedHashMap<>();
    data.fields().forEachRemaining(f -> map.put(f.getKey(), value(f.getValue())));
    return map;
  }

  private static Object value(final JsonNode node) {
    return node.isTextual() ? node.textValue() : node.isNull() ? null : node;
  }

  private static String text(final CloudEvent event, final String extension) {
    return event.getExtension(extension) instanceof String text ? text : null;
  }

  /** Runs the SDK; its refusal becomes the app's violation. */
  private static CloudEvent sdk(final Supplier<CloudEvent> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      throw refused(e);
    }
  }

  private static InvalidEventException refused(final RuntimeException refusal) {
    String last = refusal.getMessage();
    for (Throwable t = refusal; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException p && !(p instanceof JsonMappingException)) {
        return invalid("(body)", "is not valid JSON");
      }
      final String message =
          t instanceof JsonProcessingException p ? p.getOriginalMessage() : t.getMessage();
      if (message == null) {
        continue;
      }
      last = message;
      for (Rule rule : RULES) {
        final Matcher matcher = rule.pattern().matcher(message);
        if (matcher.find()) {
          return new InvalidEventException(List.of(rule.violation().apply(matcher)));
        }
      }
    }
    return invalid("(event)", "is no valid CloudEvent: " + echo(String.valueOf(last)));
  }

  private static Rule rule(final String regex, final Function<Matcher, Violation> violation) {
    return new Rule(Pattern.compile(regex), violation);
  }

  /** A violation; an attribute name from the sender is echoed bounded and printable. */
  private static Violation v(final String field, final String message) {
    return new Violation(echo(field), message);
  }

  private static String echo(final String text) {
    final String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_ECHO ? printable : printable.substring(0, MAX_ECHO) + "…";
  }
}
