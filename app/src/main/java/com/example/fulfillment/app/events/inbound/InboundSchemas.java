package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.contracts.SchemaValidator;
import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.example.fulfillment.contracts.EventSchemas;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code data} of an inbound event against the JSON Schema of its type and version (the
 * contracts module), with networknt's validator. The version is the one the event's {@code
 * dataschema} names ({@code …/schemas/events/<type>/<version>}); without a {@code dataschema} it is
 * version 1, what partners sent before versions existed. The check itself is {@link
 * SchemaValidator}'s.
 *
 * <p>The schemas allow unknown properties (a tolerant reader), with one exception: a field of a
 * later version that the app acts on ({@link #ACTED_ON}: the confirmed {@code amount} and {@code
 * currency}) under an earlier {@code dataschema} makes the event checked as that version, whole,
 * and that version's checks apply; else a sender could slip a wrong amount past them by naming v1.
 * Any other field of a later version is just unknown to the earlier one, and passes. A v1 payload
 * under a v2 {@code dataschema} fails v2.
 */
final class InboundSchemas {

  /** The path end of a {@code dataschema}: the type and the version (host and prefix are free). */
  private static final Pattern DATA_SCHEMA =
      Pattern.compile(Pattern.quote(EventSchemas.PATH) + "([^/?#]+)/([0-9]{1,9})/?$");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per type, the fields of its later versions that the app checks beyond the schema. */
  private static final Map<String, Set<String>> ACTED_ON =
      Map.of(EventTypes.PAYMENT_CONFIRMED, Set.of("amount", "currency"));

  private InboundSchemas() {}

  /**
   * What the check found: the version the data was checked (and is then handled) as, and its
   * violations (empty: valid).
   */
  record Checked(int version, List<Violation> violations) {

    static Checked refused(final int version, final Violation violation) {
      return new Checked(version, List.of(violation));
    }
  }

  /**
   * {@code data} against the schema {@code dataSchema} names for {@code type}, or a later version's
   * when the data carries fields of it that the app acts on. A {@code dataschema} of another type
   * or an unknown version is one violation.
   */
  static Checked check(final String type, final String dataSchema, final Map<String, Object> data) {
    final int version;
    if (dataSchema == null) {
      version = 1;
    } else {
      final Optional<Named> named = named(dataSchema);
      if (named.isEmpty()) {
        return Checked.refused(
            1, new Violation("dataschema", "must end in /schemas/events/" + type + "/<version>"));
      }
      if (!named.get().type().equals(type)) {
        return Checked.refused(
            named.get().version(),
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
      return Checked.refused(
          version,
          new Violation("dataschema", "unknown schema version " + version + " of " + type));
    }
    final int checkedAs = checkedAs(type, version, data);
    final List<Violation> violations = new ArrayList<>();
    SchemaValidator.violations(type, checkedAs, json(data))
        .forEach(v -> violations.add(new Violation(v.pointer(), v.message())));
    if (!violations.isEmpty() && checkedAs != version) {
      violations.addFirst(
          new Violation(
              "dataschema",
              "names version "
                  + version
                  + ", but the data carries fields of version "
                  + checkedAs
                  + " ("
                  + String.join(", ", laterFields(type, version, checkedAs, data))
                  + "): checked as version "
                  + checkedAs));
    }
    return new Checked(checkedAs, violations);
  }

  /**
   * The version an event's data is checked as: the one its {@code dataschema} names, or the newest
   * version defining a property the data carries that the named version does not and the app acts
   * on.
   */
  private static int checkedAs(final String type, final int named, final Map<String, Object> data) {
    if (data == null) {
      return named;
    }
    int checkedAs = named;
    for (int later : EventSchemas.versions(type)) {
      if (later > named && !laterFields(type, named, later, data).isEmpty()) {
        checkedAs = later;
      }
    }
    return checkedAs;
  }

  /**
   * The data's properties that version {@code later} defines, {@code named} does not, and the app
   * acts on.
   */
  private static List<String> laterFields(
      final String type, final int named, final int later, final Map<String, Object> data) {
    final Set<String> known = SchemaValidator.properties(type, named);
    final Set<String> defined = SchemaValidator.properties(type, later);
    return data.keySet().stream()
        .filter(field -> defined.contains(field) && !known.contains(field))
        .filter(ACTED_ON.getOrDefault(type, Set.of())::contains)
        .sorted()
        .toList();
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
