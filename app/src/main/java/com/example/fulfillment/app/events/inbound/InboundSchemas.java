package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.contracts.SchemaValidator;
import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.example.fulfillment.contracts.EventSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code data} of an inbound event against the JSON Schema of its type and version (the
 * contracts module), with networknt's validator. The version is the one the event's {@code
 * dataschema} names ({@code …/schemas/events/<type>/<version>}); without a {@code dataschema} it is
 * version 1, what partners sent before versions existed. The check itself is {@link
 * SchemaValidator}'s.
 *
 * <p>The schemas allow unknown properties (a tolerant reader): a v2 payload under a v1 {@code
 * dataschema} passes v1, a v1 payload under a v2 {@code dataschema} fails v2.
 */
final class InboundSchemas {

  /** The path end of a {@code dataschema}: the type and the version (host and prefix are free). */
  private static final Pattern DATA_SCHEMA =
      Pattern.compile("/schemas/events/([^/?#]+)/([0-9]{1,9})/?$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private InboundSchemas() {}

  /**
   * The violations of {@code data} against the schema {@code dataSchema} names for {@code type}
   * (empty: valid). A {@code dataschema} of another type or an unknown version is one violation.
   */
  static List<Violation> violations(
      final String type, final String dataSchema, final Map<String, Object> data) {
    final int version;
    if (dataSchema == null) {
      version = 1;
    } else {
      final Optional<Named> named = named(dataSchema);
      if (named.isEmpty()) {
        return List.of(
            new Violation("dataschema", "must end in /schemas/events/" + type + "/<version>"));
      }
      if (!named.get().type().equals(type)) {
        return List.of(
            new Violation(
                "dataschema",
                "names another type than "
                    + type
                    + ": "
                    + SchemaValidator.bounded(named.get().type())));
      }
      version = named.get().version();
    }
    if (!EventSchemas.exists(type, version)) {
      return List.of(
          new Violation("dataschema", "unknown schema version " + version + " of " + type));
    }
    return SchemaValidator.violations(type, version, json(data)).stream()
        .map(v -> new Violation(v.pointer(), v.message()))
        .toList();
  }

  /** The version a valid event's {@code dataschema} names (1 without one). */
  static int version(final String dataSchema) {
    return dataSchema == null ? 1 : named(dataSchema).map(Named::version).orElse(1);
  }

  /** The type and version at the end of a {@code dataschema}, if it has the schema path. */
  private record Named(String type, int version) {}

  private static Optional<Named> named(final String dataSchema) {
    final Matcher matcher = DATA_SCHEMA.matcher(dataSchema);
    return matcher.find()
        ? Optional.of(new Named(matcher.group(1), Integer.parseInt(matcher.group(2))))
        : Optional.empty();
  }

  private static String json(final Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data == null ? Map.of() : data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data cannot be written as JSON", e);
    }
  }
}
