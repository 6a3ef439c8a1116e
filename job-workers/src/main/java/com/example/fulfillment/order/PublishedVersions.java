package com.example.fulfillment.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which versions of each event type are published: the newest ({@link
 * OrderEventTypes#LATEST_VERSION}) always, and an older one too while its migration window is open
 * ({@code fulfillment.events.migration-window}), so that its consumers keep receiving it until they
 * have moved on. Each version is its own outbox row, event id, {@code dataschema} and routing key.
 * The window is parsed and checked once, here; every recorded event then looks its type up.
 */
public final class PublishedVersions {

  /** The newest version of every type, nothing else. */
  public static final PublishedVersions LATEST_ONLY = new PublishedVersions(Set.of());

  private static final Pattern ENTRY = Pattern.compile("(.+)/([0-9]{1,9})");

  /** Per published type, its versions to publish, oldest first. */
  private final Map<String, List<Integer>> versionsByType;

  /**
   * @param migrationWindow older versions still published, as {@code <type>/<version>} (e.g. {@code
   *     com.example.order.completed/1})
   * @throws IllegalArgumentException for an entry that is not an older version of a published type
   */
  public PublishedVersions(final Set<String> migrationWindow) {
    final Map<String, Set<Integer>> versions = new HashMap<>();
    OrderEventTypes.LATEST_VERSION.forEach(
        (type, latest) -> versions.computeIfAbsent(type, t -> new TreeSet<>()).add(latest));
    for (String entry : migrationWindow) {
      final Matcher matcher = ENTRY.matcher(entry.strip());
      final Integer latest =
          matcher.matches() ? OrderEventTypes.LATEST_VERSION.get(matcher.group(1)) : null;
      if (latest == null) {
        throw new IllegalArgumentException(
            "fulfillment.events.migration-window: not <published type>/<version>: " + entry);
      }
      final int version = Integer.parseInt(matcher.group(2));
      if (version < 1 || version >= latest) {
        throw new IllegalArgumentException(
            "fulfillment.events.migration-window: "
                + entry
                + " is not an older version of "
                + matcher.group(1)
                + " (newest: "
                + latest
                + ")");
      }
      versions.get(matcher.group(1)).add(version);
    }
    final Map<String, List<Integer>> byType = new HashMap<>();
    versions.forEach((type, set) -> byType.put(type, List.copyOf(set)));
    this.versionsByType = Map.copyOf(byType);
  }

  /** The versions of {@code type} to publish, oldest first. */
  public List<Integer> of(final String type) {
    final List<Integer> versions = versionsByType.get(type);
    if (versions == null) {
      throw new IllegalArgumentException("not a published event type: " + type);
    }
    return versions;
  }

  @Override
  public String toString() {
    return "PublishedVersions" + versionsByType;
  }
}
