package com.example.fulfillment.devengine;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory.SharedRocksDbResources;
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the development engine keeps its state. {@code rocksdb} (the default) is Zeebe's own state
 * store: it stays fast with thousands of active instances. {@code memory} is the test engine's
 * in-memory store, which copies on iteration and slows to a crawl with hundreds of active instances
 * (measured: 0 completions in 25 s with 1,000 in flight, against ~30/s with RocksDB). Either way
 * the state lives only as long as the engine: the development engine keeps its log in memory, so a
 * restart begins empty (the RocksDB files are a working copy, deleted on stop).
 */
enum StateStore {
  ROCKSDB,
  MEMORY;

  static StateStore parse(final String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The development engine's state must be rocksdb or memory, was '" + value + "'", e);
    }
  }

  /** An open, empty state store and what to do to dispose of it after the engine stopped. */
  record Opened(ZeebeDb<ZbColumnFamilies> db, Runnable cleanup) {}

  /**
   * @param workDir where the RocksDB files go (a fresh directory is made inside it); {@code null}
   *     for the system's temporary directory
   */
  Opened open(final long memoryLimitBytes, final Path workDir) {
    if (this == MEMORY) {
      return new Opened(new InMemoryDbFactory<ZbColumnFamilies>().createDb(), () -> {});
    }
    final Path dir = createTempDir(workDir);
    final RocksDbConfiguration configuration =
        new RocksDbConfiguration().setMemoryLimit(memoryLimitBytes);
    final SharedRocksDbResources resources =
        SharedRocksDbResources.allocate(configuration.getMemoryLimit());
    final ZeebeRocksDbFactory<ZbColumnFamilies> factory =
        new ZeebeRocksDbFactory<>(
            configuration,
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            SimpleMeterRegistry::new,
            resources,
            1);
    return new Opened(
        factory.createDb(dir.toFile()),
        () -> {
          resources.close();
          deleteRecursively(dir);
        });
  }

  private static Path createTempDir(final Path parent) {
    try {
      return parent == null
          ? Files.createTempDirectory("zeebe-dev-engine-state-")
          : Files.createTempDirectory(Files.createDirectories(parent), "state-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the development engine's state directory", e);
    }
  }

  private static void deleteRecursively(final Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
