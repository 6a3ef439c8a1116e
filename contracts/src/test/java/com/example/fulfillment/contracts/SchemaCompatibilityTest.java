package com.example.fulfillment.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.contracts.EventSchemas.SchemaId;
import com.example.fulfillment.contracts.SchemaCompatibility.Break;
import com.example.fulfillment.contracts.SchemaCompatibility.Change;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The versioning rule, in the build (docs/events.md, "Versioning"): every schema is
 * BACKWARD-compatible with its released copy (same type and version: additive changes only, no
 * exception), and with the previous version of its type except for the breaks the new version
 * declares in {@code x-breaking-changes} (a breaking change is what makes a new version; declaring
 * it keeps it deliberate, and a declared break that is not there fails too). Released copies live
 * in src/test/resources/released/TYPE/VERSION.json: copy a version there when it ships.
 */
class SchemaCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
  private static final Path SOURCES = Path.of("src/main/resources", EventSchemas.ROOT);
  private static final Path RELEASED = Path.of("src/test/resources/released");

  @Test
  void theIndexListsExactlyTheSchemaFiles() throws IOException {
    assertThat(EventSchemas.all()).isNotEmpty();
    assertThat(EventSchemas.all().stream().map(SchemaId::toString))
        .containsExactlyElementsOf(filesUnder(SOURCES).stream().map(SchemaId::toString).toList());
  }

  @Test
  void everySchemaIsADraft202012ObjectSchemaWithATitle() {
    for (SchemaId id : EventSchemas.all()) {
      final JsonNode schema = current(id);
      assertThat(schema.path("$schema").asText()).as(id.toString()).isEqualTo(DRAFT);
      assertThat(schema.path("type").asText()).as(id.toString()).isEqualTo("object");
      assertThat(schema.path("title").asText())
          .as(id.toString())
          .isEqualTo(id.type() + ", version " + id.version());
      assertThat(schema.path("description").asText()).as(id.toString()).isNotBlank();
    }
  }

  @Test
  void versionsOfATypeCountUpFromOne() {
    for (String type : EventSchemas.types()) {
      final List<Integer> versions = EventSchemas.versions(type);
      assertThat(versions)
          .as(type)
          .containsExactlyElementsOf(Stream.iterate(1, v -> v + 1).limit(versions.size()).toList());
    }
  }

  @Test
  void aReleasedVersionIsNeverDeleted() throws IOException {
    final List<SchemaId> released = filesUnder(RELEASED);
    assertThat(released).isNotEmpty();
    assertThat(EventSchemas.all()).containsAll(released);
  }

  @Test
  void everyVersionIsCompatibleWithItsReleasedCopy() {
    final List<String> failures = new ArrayList<>();
    for (SchemaId id : EventSchemas.all()) {
      final JsonNode released = releasedCopy(id);
      if (released != null) {
        failures.addAll(againstReleased(id, released, current(id)));
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyVersionBreaksThePreviousOneOnlyWhereItDeclares() {
    final List<String> failures = new ArrayList<>();
    for (SchemaId id : EventSchemas.all()) {
      if (id.version() == 1) {
        assertThat(current(id).has("x-breaking-changes"))
            .as(id + " has no previous version to break")
            .isFalse();
      } else {
        final SchemaId previous = new SchemaId(id.type(), id.version() - 1);
        failures.addAll(againstPrevious(id, current(previous), current(id)));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Each rule fails the build, naming type, version and field: a test that cannot fail is none. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "removed-property        | com.example.order.accepted | field 'shippingCountry' removed or renamed",
        "renamed-property        | com.example.order.accepted | field 'customerId' removed or renamed",
        "removed-nested-property | com.example.order.accepted | field 'lines[].sku' removed or renamed",
        "changed-type            | com.example.order.accepted | field 'total.amount' changed type from [number] to [string]",
        "changed-item-type       | com.example.order.accepted | field 'lines[].quantity' changed type from [integer] to [string]",
        "new-required            | com.example.order.accepted | field 'giftMessage' is newly required",
        "narrowed-enum           | com.example.order.rejected | field 'reason' narrowed its enum: [PAYMENT_TIMEOUT] no longer allowed",
      })
  void aBreakingChangeWithinAVersionIsRejected(
      final String fixture, final String type, final String expected) {
    final SchemaId id = new SchemaId(type, 1);
    final List<String> failures =
        againstReleased(id, releasedCopy(id), read("breaking/" + fixture + ".json"));
    assertThat(failures).contains(type + " v1 (against released v1): " + expected);
  }

  @ParameterizedTest
  @CsvSource({"additive, com.example.order.accepted", "widened-enum, com.example.order.rejected"})
  void anAdditiveChangeIsAccepted(final String fixture, final String type) {
    final SchemaId id = new SchemaId(type, 1);
    assertThat(againstReleased(id, releasedCopy(id), read("compatible/" + fixture + ".json")))
        .isEmpty();
  }

  @Test
  void anUndeclaredBreakAcrossVersionsFailsAndSoDoesADeclaredBreakThatIsNotThere() {
    final SchemaId v2 = new SchemaId("com.example.order.completed", 2);
    final JsonNode v1 = current(new SchemaId(v2.type(), 1));
    final ObjectNode undeclared = current(v2).deepCopy();
    undeclared.remove("x-breaking-changes");
    assertThat(againstPrevious(v2, v1, undeclared))
        .contains(
            "com.example.order.completed v2 (against v1): field 'total' removed or renamed",
            "com.example.order.completed v2 (against v1): field 'gross' is newly required");
    final ObjectNode declaredButUnchanged = v1.deepCopy();
    declaredButUnchanged.set("x-breaking-changes", current(v2).get("x-breaking-changes"));
    assertThat(againstPrevious(v2, v1, declaredButUnchanged))
        .contains(
            "com.example.order.completed v2 (against v1): declares a break of 'total' (removed)"
                + " that is not there");
  }

  private static List<String> againstReleased(
      final SchemaId id, final JsonNode released, final JsonNode candidate) {
    return SchemaCompatibility.breaks(released, candidate).stream()
        .map(b -> b.message(id.type(), id.version(), "released v" + id.version()))
        .toList();
  }

  private static List<String> againstPrevious(
      final SchemaId id, final JsonNode previous, final JsonNode candidate) {
    final String against = "v" + (id.version() - 1);
    final Set<String> declared = new LinkedHashSet<>();
    candidate
        .path("x-breaking-changes")
        .forEach(
            d -> {
              assertThat(d.path("why").asText())
                  .as(id + ": a declared break says why")
                  .isNotBlank();
              declared.add(
                  key(d.path("field").asText(), Change.declared(d.path("change").asText())));
            });
    final List<Break> breaks = SchemaCompatibility.breaks(previous, candidate);
    final Set<String> found =
        breaks.stream().map(b -> key(b.field(), b.change())).collect(Collectors.toSet());
    final List<String> failures = new ArrayList<>();
    breaks.stream()
        .filter(b -> !declared.contains(key(b.field(), b.change())))
        .forEach(b -> failures.add(b.message(id.type(), id.version(), against)));
    declared.stream()
        .filter(d -> !found.contains(d))
        .forEach(
            d ->
                failures.add(
                    id.type()
                        + " v"
                        + id.version()
                        + " (against "
                        + against
                        + "): declares a break of "
                        + d
                        + " that is not there"));
    return failures;
  }

  private static String key(final String field, final Change change) {
    return "'" + field + "' (" + change.declared + ")";
  }

  private static JsonNode current(final SchemaId id) {
    try {
      return JSON.readTree(EventSchemas.read(id.type(), id.version()).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode releasedCopy(final SchemaId id) {
    final String resource = "released/" + id.type() + "/" + id.version() + ".json";
    return SchemaCompatibilityTest.class.getClassLoader().getResource(resource) == null
        ? null
        : read(resource);
  }

  private static JsonNode read(final String resource) {
    try (InputStream in =
        SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** TYPE/VERSION.json files under a folder, as sorted ids. */
  private static List<SchemaId> filesUnder(final Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .map(
              f ->
                  new SchemaId(
                      f.getParent().getFileName().toString(),
                      Integer.parseInt(f.getFileName().toString().replace(".json", ""))))
          .sorted()
          .toList();
    }
  }
}
