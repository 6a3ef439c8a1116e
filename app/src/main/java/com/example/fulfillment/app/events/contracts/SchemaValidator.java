package com.example.fulfillment.app.events.contracts;

import com.example.fulfillment.contracts.EventSchemas;
import com.example.fulfillment.contracts.EventSchemas.SchemaId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;

/**
 * An event's {@code data} against the JSON Schema of its type and version (the contracts module),
 * with networknt's validator: the one check behind inbound validation (partner events) and outbound
 * validation (the outbox relay). Each schema is compiled once and then shared; the validator is
 * thread-safe.
 *
 * <p>The schemas allow unknown properties (a tolerant reader), so data of a later version passes an
 * earlier version's schema where it only adds fields, but not the other way round.
 */
public final class SchemaValidator {

  /** A violation: where (a JSON Pointer from the event, under {@code /data}) and what. */
  public record Violation(String pointer, String message) {

    @Override
    public String toString() {
      return pointer + ": " + message;
    }
  }

  private static final int MAX_VIOLATIONS = 20;
  private static final String BREAKING_CHANGES = "x-breaking-changes";
  private static final int MAX_MESSAGE = 300;

  // 2020-12 plus the contracts' own annotation (x-breaking-changes: read by the build's
  // compatibility test, nothing to validate); format assertions on: a "date-time" field must be
  // one (2020-12 only annotates by default)
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new NonValidationKeyword(BREAKING_CHANGES))
              .build(),
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<SchemaId, Schema> COMPILED = new ConcurrentHashMap<>();
  private static final Map<SchemaId, Set<String>> PROPERTIES = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaValidator() {}

  /**
   * The violations of {@code data} (JSON text) against the schema of {@code type} in {@code
   * version}, at most {@value #MAX_VIOLATIONS} (empty: valid). An unknown type or version is one
   * violation at {@code /dataschema}.
   */
  public static List<Violation> violations(
      final String type, final int version, final String data) {
    if (!EventSchemas.exists(type, version)) {
      return List.of(
          new Violation(
              "/dataschema", "unknown schema version " + version + " of " + bounded(type)));
    }
    final List<Error> errors;
    try {
      errors = schema(new SchemaId(type, version)).validate(data, InputFormat.JSON);
    } catch (JacksonException | IllegalArgumentException | UncheckedIOException e) {
      // the parser's complaint: data that is not JSON at all is a violation too
      return List.of(new Violation("/data", "is not JSON: " + bounded(e.getMessage())));
    }
    return errors.stream().limit(MAX_VIOLATIONS).map(SchemaValidator::violation).toList();
  }

  /** The top-level property names the schema of {@code type} in {@code version} defines. */
  public static Set<String> properties(final String type, final int version) {
    return PROPERTIES.computeIfAbsent(
        new SchemaId(type, version),
        id -> {
          try {
            final JsonNode schema =
                JSON.readTree(EventSchemas.read(id.type(), id.version()).orElseThrow());
            final Set<String> names = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(names::add);
            return Set.copyOf(names);
          } catch (IOException e) {
            throw new UncheckedIOException("schema " + id + " is not JSON", e);
          }
        });
  }

  private static Schema schema(final SchemaId id) {
    return COMPILED.computeIfAbsent(
        id,
        key ->
            REGISTRY.getSchema(
                new ByteArrayInputStream(
                    EventSchemas.read(key.type(), key.version()).orElseThrow()),
                InputFormat.JSON));
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

  /** Sender-controlled text (a property name, a value in a message): bounded and printable. */
  public static String bounded(final String text) {
    final String printable = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_MESSAGE
        ? printable
        : printable.substring(0, MAX_MESSAGE) + "…";
  }
}
