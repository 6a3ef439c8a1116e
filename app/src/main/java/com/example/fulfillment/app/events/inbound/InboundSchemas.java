package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.example.fulfillment.contracts.EventSchemas;
import com.example.fulfillment.contracts.EventSchemas.SchemaId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code data} of an inbound event against the JSON Schema of its type and version (the
 * contracts module), with networknt's validator. The version is the one the event's {@code
 * dataschema} names ({@code …/schemas/events/<type>/<version>}); without a {@code dataschema} it is
 * version 1, what partners sent before versions existed. Each schema is compiled once.
 *
 * <p>The schemas allow unknown properties (a tolerant reader): a v2 payload under a v1 {@code
 * dataschema} passes v1, a v1 payload under a v2 {@code dataschema} fails v2.
 */
final class InboundSchemas {

  /** The path end of a {@code dataschema}: the type and the version (host and prefix are free). */
  private static final Pattern DATA_SCHEMA =
      Pattern.compile("/schemas/events/([^/?#]+)/([0-9]{1,9})/?$");

  private static final int MAX_VIOLATIONS = 20;
  private static final int MAX_MESSAGE = 300;

  private static final ObjectMapper JSON = new ObjectMapper();

  // format assertions on: a "date-time" field must be one (2020-12 only annotates by default)
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<SchemaId, Schema> COMPILED = new ConcurrentHashMap<>();

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
                "names another type than " + type + ": " + bounded(named.get().type())));
      }
      version = named.get().version();
    }
    final Optional<Schema> schema = schema(type, version);
    if (schema.isEmpty()) {
      return List.of(
          new Violation("dataschema", "unknown schema version " + version + " of " + type));
    }
    final List<Error> errors = schema.get().validate(json(data), InputFormat.JSON);
    return errors.stream().limit(MAX_VIOLATIONS).map(InboundSchemas::violation).toList();
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

  private static Optional<Schema> schema(final String type, final int version) {
    if (!EventSchemas.exists(type, version)) {
      return Optional.empty();
    }
    return Optional.of(
        COMPILED.computeIfAbsent(
            new SchemaId(type, version),
            id ->
                REGISTRY.getSchema(
                    new ByteArrayInputStream(EventSchemas.read(type, version).orElseThrow()),
                    InputFormat.JSON)));
  }

  /** The violation at its JSON Pointer under {@code /data}; a missing property at its own. */
  private static Violation violation(final Error error) {
    final StringBuilder pointer = new StringBuilder("/data");
    final NodePath location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      pointer.append('/').append(escape(location.getName(i)));
    }
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      pointer.append('/').append(escape(error.getProperty()));
    }
    return new Violation(bounded(pointer.toString()), bounded(error.getMessage()));
  }

  /** JSON Pointer escaping (RFC 6901). */
  private static String escape(final String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static String json(final Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data == null ? Map.of() : data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data cannot be written as JSON", e);
    }
  }

  /** Sender-controlled text (a property name, a value in a message): bounded and printable. */
  private static String bounded(final String text) {
    final String printable = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_MESSAGE
        ? printable
        : printable.substring(0, MAX_MESSAGE) + "…";
  }
}
