package com.example.fulfillment.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event contracts on the classpath: one JSON Schema (draft 2020-12) of the CloudEvent's {@code
 * data} per type and version, at {@code schemas/events/<type>/<version>.json}, listed in {@value
 * #INDEX} (a build test keeps the list equal to the files). Plain Java, so any module (or a
 * partner's build) can use it without Spring.
 *
 * <p>Versioning: within a version a schema changes additively only (the build test compares it with
 * its released copy); a breaking change is a new version beside the old one. Version 1 of a type is
 * routed under the type itself, version n &gt; 1 under {@code <type>.v<n>} ({@link #routingKey}),
 * and every event names its version in {@code dataschema} ({@link #dataSchema}).
 */
public final class EventSchemas {

  /** Classpath folder of the schemas. */
  public static final String ROOT = "schemas/events/";

  /** Classpath resource listing every {@code <type>/<version>}, one a line. */
  public static final String INDEX = ROOT + "index.txt";

  /** The AsyncAPI 3.0 description of the RabbitMQ edge (classpath resource). */
  public static final String ASYNCAPI = "asyncapi.yaml";

  /** The path under the app's base URL where a schema is served (and {@code dataschema} points). */
  public static final String PATH = "/schemas/events/";

  /** Media type of a served schema. */
  public static final String MEDIA_TYPE = "application/schema+json";

  private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)+");

  private static final List<SchemaId> ALL = readIndex();

  private EventSchemas() {}

  /** One schema: a CloudEvents type and a version of its data (1, 2, …). */
  public record SchemaId(String type, int version) implements Comparable<SchemaId> {

    private static final Comparator<SchemaId> ORDER =
        Comparator.comparing(SchemaId::type).thenComparingInt(SchemaId::version);

    public SchemaId {
      if (type == null || !TYPE.matcher(type).matches()) {
        throw new IllegalArgumentException("not an event type: " + type);
      }
      if (version < 1) {
        throw new IllegalArgumentException("versions start at 1, was " + version);
      }
    }

    /** The classpath resource of this schema. */
    public String resource() {
      return ROOT + type + "/" + version + ".json";
    }

    @Override
    public String toString() {
      return type + " v" + version;
    }

    @Override
    public int compareTo(final SchemaId other) {
      return ORDER.compare(this, other);
    }
  }

  /** Every schema, by type then version. */
  public static List<SchemaId> all() {
    return ALL;
  }

  /** Every type that has a schema, sorted. */
  public static List<String> types() {
    return ALL.stream().map(SchemaId::type).distinct().toList();
  }

  /** The versions of {@code type}, ascending (empty for an unknown type). */
  public static List<Integer> versions(final String type) {
    return ALL.stream().filter(s -> s.type().equals(type)).map(SchemaId::version).toList();
  }

  /** The newest version of {@code type}. */
  public static Optional<Integer> latest(final String type) {
    final List<Integer> versions = versions(type);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  public static boolean exists(final String type, final int version) {
    return ALL.stream().anyMatch(s -> s.type().equals(type) && s.version() == version);
  }

  /** The schema's bytes as stored (served verbatim), empty for an unknown type or version. */
  public static Optional<byte[]> read(final String type, final int version) {
    if (!exists(type, version)) {
      return Optional.empty();
    }
    return Optional.of(bytes(new SchemaId(type, version).resource()));
  }

  private static byte[] bytes(final String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The AsyncAPI document's bytes as stored (served verbatim). */
  public static byte[] asyncApi() {
    return bytes(ASYNCAPI);
  }

  /**
   * The {@code dataschema} of an event: {@code <base>/schemas/events/<type>/<version>}, where the
   * app serves the schema. {@code base} is the app's base URL (scheme, host, port and context path;
   * a trailing slash is ignored), e.g. {@code https://fulfillment.example.com}.
   */
  public static URI dataSchema(final URI base, final String type, final int version) {
    final SchemaId id = new SchemaId(type, version);
    final String prefix = base.toString();
    final String root = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return URI.create(root + PATH + id.type() + "/" + id.version());
  }

  /**
   * The AMQP routing key of an event of {@code type} in {@code version}: the type for version 1 (as
   * before versions existed), {@code <type>.v<version>} after, so a queue binds to the version it
   * reads ({@code com.example.order.*} matches version 1 only, {@code com.example.order.#} all).
   */
  public static String routingKey(final String type, final int version) {
    final SchemaId id = new SchemaId(type, version);
    return id.version() == 1 ? id.type() : id.type() + ".v" + id.version();
  }

  private static List<SchemaId> readIndex() {
    try (InputStream in = open(INDEX);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return lines
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(EventSchemas::parse)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
  }

  private static SchemaId parse(final String line) {
    final int slash = line.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalStateException(INDEX + ": not <type>/<version>: " + line);
    }
    return new SchemaId(line.substring(0, slash), Integer.parseInt(line.substring(slash + 1)));
  }

  private static InputStream open(final String resource) throws IOException {
    final InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("no classpath resource " + resource);
    }
    return in;
  }
}
