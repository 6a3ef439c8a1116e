package com.example.fulfillment.app.events;

import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.events.inbound.InvalidEventException;
import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CloudEvents 1.0 in the JSON event format (structured mode) and JSON event data, the same
 * way for every carrier (the HTTP webhook and the RabbitMQ consumer). Only the shape is checked
 * here (attribute names, string values, a JSON object as data); {@link EventIngress} validates the
 * content.
 */
public final class CloudEventJson {

  /** Media type of a structured-mode CloudEvent in JSON. */
  public static final String MEDIA_TYPE = "application/cloudevents+json";

  private static final Set<String> CONTEXT_ATTRIBUTES =
      Set.of(
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "datacontenttype",
          "dataschema",
          "data");

  private CloudEventJson() {}

  /**
   * @throws InvalidEventException if the body is empty or not JSON
   */
  public static JsonNode parse(final ObjectMapper json, final byte[] body) {
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

  /**
   * A structured-mode event: every attribute a string, extensions named as the spec says, JSON data
   * only.
   *
   * @throws InvalidEventException if it is not shaped like a CloudEvent
   */
  public static IncomingEvent structured(final JsonNode node) {
    if (node == null || !node.isObject()) {
      throw invalid("(body)", "must be a CloudEvent JSON object");
    }
    final List<Violation> errors = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      final String name = names.next();
      if (name.equals("data_base64")) {
        errors.add(new Violation(name, "binary data is not supported: send JSON data"));
      } else if (!CONTEXT_ATTRIBUTES.contains(name) && !EventIngress.isValidExtensionName(name)) {
        errors.add(
            new Violation(name, "is not a CloudEvents attribute (extensions: a-z0-9, at most 20)"));
      } else if (!name.equals("data") && !node.get(name).isTextual() && !node.get(name).isNull()) {
        errors.add(new Violation(name, "must be a string"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidEventException(errors);
    }
    return new IncomingEvent(
        text(node, "specversion"),
        text(node, "id"),
        text(node, "source"),
        text(node, "type"),
        text(node, "subject"),
        text(node, "datacontenttype"),
        text(node, "time"),
        data(node.get("data")),
        text(node, "traceparent"),
        text(node, "tracestate"));
  }

  /**
   * Event data as a map: text stays text; anything else stays a JSON node, so the ingress can tell
   * wrong types. Null for no data.
   *
   * @throws InvalidEventException if the data is not a JSON object
   */
  public static Map<String, Object> data(final JsonNode data) {
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

  public static InvalidEventException invalid(final String field, final String message) {
    return new InvalidEventException(List.of(new Violation(field, message)));
  }

  private static Object value(final JsonNode node) {
    return node.isTextual() ? node.textValue() : node.isNull() ? null : node;
  }

  private static String text(final JsonNode node, final String field) {
    final JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
