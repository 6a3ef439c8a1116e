package com.example.fulfillment.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The BACKWARD rule of schema registries on two JSON Schema files: may a reader built on {@code
 * newer} read every {@code data} written under {@code older}? Breaking, recursively through
 * properties, array items and local {@code $ref}s:
 *
 * <ul>
 *   <li>a property of {@code older} that {@code newer} no longer has (removed or renamed);
 *   <li>a changed type: {@code newer} no longer allows a type {@code older} allowed ({@code number}
 *       covers {@code integer}; no {@code type} means any);
 *   <li>a property {@code newer} requires that {@code older} did not;
 *   <li>a narrowed enum: a value {@code older} allowed that {@code newer} does not.
 * </ul>
 *
 * Everything else is additive: new optional properties, wider types, more enum values, longer
 * descriptions. Keywords the rule does not look at (pattern, lengths, formats, combinators) are the
 * schema author's and the reviewer's care.
 */
final class SchemaCompatibility {

  /** How data written under the old schema breaks a reader of the new one. */
  enum Change {
    REMOVED("removed"),
    TYPE("type"),
    REQUIRED("required"),
    ENUM("enum");

    /** The name a schema uses to declare an intended break ({@code x-breaking-changes}). */
    final String declared;

    Change(final String declared) {
      this.declared = declared;
    }

    static Change declared(final String name) {
      for (Change change : values()) {
        if (change.declared.equals(name)) {
          return change;
        }
      }
      throw new IllegalArgumentException("unknown change '" + name + "'");
    }
  }

  /**
   * One break.
   *
   * @param field dotted path of the property, {@code []} for array items, e.g. {@code
   *     lines[].lineTotal.amount}; empty for the data itself
   */
  record Break(String field, Change change, String detail) {

    /** The build's message: names the type, the version, what it was compared with, the field. */
    String message(final String type, final int version, final String against) {
      return type + " v" + version + " (against " + against + "): field '" + field + "' " + detail;
    }
  }

  private static final int MAX_DEPTH = 32;

  private SchemaCompatibility() {}

  static List<Break> breaks(final JsonNode older, final JsonNode newer) {
    final List<Break> found = new ArrayList<>();
    compare(older, older, newer, newer, "", found, 0);
    return found;
  }

  private static void compare(
      final JsonNode oldRoot,
      final JsonNode oldNode,
      final JsonNode newRoot,
      final JsonNode newNode,
      final String path,
      final List<Break> found,
      final int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("schema nested deeper than " + MAX_DEPTH + " at " + path);
    }
    final JsonNode before = resolve(oldRoot, oldNode);
    final JsonNode after = resolve(newRoot, newNode);
    final Set<String> oldTypes = types(before);
    final Set<String> newTypes = types(after);
    if (!newTypes.isEmpty() && !covers(newTypes, oldTypes)) {
      found.add(
          new Break(
              path,
              Change.TYPE,
              "changed type from "
                  + (oldTypes.isEmpty() ? "any" : oldTypes)
                  + " to "
                  + new TreeSet<>(newTypes)));
    }
    if (after.has("enum")) {
      final List<String> lost = new ArrayList<>();
      if (before.has("enum")) {
        before.get("enum").forEach(v -> addIfMissing(after.get("enum"), v, lost));
      }
      if (!before.has("enum") || !lost.isEmpty()) {
        found.add(
            new Break(
                path,
                Change.ENUM,
                "narrowed its enum: "
                    + (before.has("enum")
                        ? lost + " no longer allowed"
                        : "any value was allowed, now only " + after.get("enum"))));
      }
    }
    final Set<String> oldRequired = names(before.get("required"));
    for (String name : names(after.get("required"))) {
      if (!oldRequired.contains(name)) {
        found.add(new Break(join(path, name), Change.REQUIRED, "is newly required"));
      }
    }
    final JsonNode oldProperties = before.path("properties");
    final JsonNode newProperties = after.path("properties");
    oldProperties
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!newProperties.has(name)) {
                found.add(new Break(join(path, name), Change.REMOVED, "removed or renamed"));
              } else {
                compare(
                    oldRoot,
                    oldProperties.get(name),
                    newRoot,
                    newProperties.get(name),
                    join(path, name),
                    found,
                    depth + 1);
              }
            });
    if (before.has("items") && after.has("items")) {
      compare(
          oldRoot, before.get("items"), newRoot, after.get("items"), path + "[]", found, depth + 1);
    }
  }

  /** A local {@code $ref} ({@code #/$defs/money}) followed to its schema. */
  private static JsonNode resolve(final JsonNode root, final JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      final String ref = current.get("$ref").asText();
      if (!ref.startsWith("#") || hops > MAX_DEPTH) {
        throw new IllegalArgumentException("only local $refs are compared, not " + ref);
      }
      final JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalArgumentException("$ref " + ref + " points nowhere");
      }
      current = target;
    }
    return current;
  }

  private static Set<String> types(final JsonNode schema) {
    final JsonNode type = schema.get("type");
    if (type == null) {
      return Set.of();
    }
    return type.isArray() ? names(type) : Set.of(type.asText());
  }

  /** Whether every old type is still allowed ({@code number} includes {@code integer}). */
  private static boolean covers(final Set<String> newTypes, final Set<String> oldTypes) {
    if (oldTypes.isEmpty()) {
      return false;
    }
    return oldTypes.stream()
        .allMatch(
            t -> newTypes.contains(t) || ("integer".equals(t) && newTypes.contains("number")));
  }

  private static Set<String> names(final JsonNode array) {
    final Set<String> names = new LinkedHashSet<>();
    if (array != null) {
      array.forEach(n -> names.add(n.asText()));
    }
    return names;
  }

  private static void addIfMissing(
      final JsonNode values, final JsonNode value, final List<String> lost) {
    for (JsonNode v : values) {
      if (v.equals(value)) {
        return;
      }
    }
    lost.add(value.asText());
  }

  private static String join(final String path, final String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
