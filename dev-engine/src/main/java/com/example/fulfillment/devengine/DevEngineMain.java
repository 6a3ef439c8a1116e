package com.example.fulfillment.devengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development engine as a process of its own, like Camunda 8 Run: a gRPC gateway on
 * 127.0.0.1:26500 that Desktop Modeler, Camunda's SDKs and the app in {@code remote} mode talk to
 * exactly as they would to a cluster (no REST API, no Operate).
 *
 * <pre>
 * java -jar dev-engine/target/fulfillment-dev-engine-standalone.jar [--port=26500]
 *      [--host=127.0.0.1] [--data-dir=dev-engine-data] [--state=rocksdb|memory]
 * </pre>
 *
 * <p><b>A restart begins empty.</b> The log lives in memory and the RocksDB files in the data
 * directory are only a working copy: a new start deletes what a previous run left there. Process
 * instances in flight at a restart (or a kill) are gone; deployed models too. The app re-deploys
 * its models and starts its unfinished orders again ({@code OrderRecovery}).
 */
public final class DevEngineMain {

  /** Printed once the gateway accepts requests; tests and scripts wait for it. */
  public static final String READY = "Development engine ready on ";

  private DevEngineMain() {}

  public static void main(final String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev-engine-logback.xml");
    }
    final Logger log = LoggerFactory.getLogger(DevEngineMain.class);
    final Map<String, String> options = parse(args);
    final InetAddress host = InetAddress.getByName(options.getOrDefault("host", "127.0.0.1"));
    final int port = Integer.parseInt(options.getOrDefault("port", "26500"));
    final Path dataDir =
        Path.of(options.getOrDefault("data-dir", "dev-engine-data")).toAbsolutePath();
    final StateStore store = StateStore.parse(options.getOrDefault("state", "rocksdb"));
    if (!host.isLoopbackAddress()) {
      log.warn("Listening on {}: the development engine has no authentication", host);
    }

    deleteLeftovers(dataDir);
    final long started = System.nanoTime();
    final DevEngine engine = DevEngineFactory.create(host, port, store, 256L << 20, dataDir);
    engine.start();
    engine.export(List.of(), true);
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      log.info("Stopping the development engine");
                      engine.stop();
                      stopped.countDown();
                    }));
    log.info(
        "{}{} (gRPC, {} state in {}) after {} ms; non-production use only",
        READY,
        engine.gatewayAddress(),
        store.name().toLowerCase(java.util.Locale.ROOT),
        dataDir,
        (System.nanoTime() - started) / 1_000_000);
    System.out.println(READY + engine.gatewayAddress());
    stopped.await();
  }

  private static Map<String, String> parse(final String[] args) {
    final Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'; expected --port=, --host=, --data-dir= or --state=");
      }
      final String key = arg.substring(2, arg.indexOf('='));
      if (!List.of("port", "host", "data-dir", "state").contains(key)) {
        throw new IllegalArgumentException("Unknown option --" + key);
      }
      options.put(key, arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  /** The working copies of earlier runs: a new start begins empty (see the class comment). */
  private static void deleteLeftovers(final Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dataDir)) {
      for (Path child :
          children.filter(p -> p.getFileName().toString().startsWith("state-")).toList()) {
        try (Stream<Path> paths = Files.walk(child)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
  }
}
