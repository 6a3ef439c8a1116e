package com.example.fulfillment.order;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which versions of each event type are published: the newest ({@link
 * OrderEventTypes#LATEST_VERSION}) always, and an older one too while its migration window is open
 * ({@code fulfillment.events.migration-window}), so that its consumers keep receiving it until they
 * have moved on. Each version is its own outbox row, event id, {@code dataschema} and routing key.
 *
 * @param migrationWindow older versions still published, as {@code <type>/<version>} (e.g. {@code
 *     com.example.order.completed/1})
 */
public record PublishedVersions(Set<String> migrationWindow) {

  /** The newest version of every type, nothing else. */
  public static final PublishedVersions LATEST_ONLY = new PublishedVersions(Set.of());

  private static final Pattern ENTRY = Pattern.compile("(.+)/([0-9]{1,9})");

  public PublishedVersions {
    migrationWindow = Set.copyOf(migrationWindow);
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
    }
  }

  /** The versions of {@code type} to publish, oldest first. */
  public List<Integer> of(final String type) {
    final Integer latest = OrderEventTypes.LATEST_VERSION.get(type);
    if (latest == null) {
      throw new IllegalArgumentException("not a published event type: " + type);
    }
    final Set<Integer> versions = new TreeSet<>();
    versions.add(latest);
    for (String entry : migrationWindow) {
      final Matcher matcher = ENTRY.matcher(entry.strip());
      if (matcher.matches() && matcher.group(1).equals(type)) {
        versions.add(Integer.parseInt(matcher.group(2)));
      }
    }
    return List.copyOf(versions);
  }
}
