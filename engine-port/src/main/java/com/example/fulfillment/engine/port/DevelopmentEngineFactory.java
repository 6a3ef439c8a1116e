package com.example.fulfillment.engine.port;

import java.net.InetAddress;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts a development engine. Implemented by the {@code dev-engine} module and found with {@link
 * ServiceLoader}: present on the classpath of the development run and of the tests, absent from the
 * production jar (which then runs only in {@code remote} mode).
 */
public interface DevelopmentEngineFactory {

  /**
   * Where and how to run the engine.
   *
   * @param address interface the gRPC gateway binds to (loopback by default)
   * @param port gRPC port; 0 picks a free one
   * @param state {@code rocksdb} or {@code memory}
   * @param stateMemoryBytes memory limit of the RocksDB state store
   */
  record Settings(InetAddress address, int port, String state, long stateMemoryBytes) {}

  /** Builds, starts and returns an engine. */
  DevelopmentEngine start(Settings settings);

  /** The factory on the classpath, if any. */
  static Optional<DevelopmentEngineFactory> find(final ClassLoader classLoader) {
    return ServiceLoader.load(DevelopmentEngineFactory.class, classLoader).findFirst();
  }
}
