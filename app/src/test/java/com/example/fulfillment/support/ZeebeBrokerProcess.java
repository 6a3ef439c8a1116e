package com.example.fulfillment.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Zeebe broker (the standalone {@code camunda-zeebe} distribution) run as a separate
 * process: embedded gateway, one partition, state in {@code dataDir}, every TCP port a free one on
 * 127.0.0.1. It can be killed with SIGKILL and restarted on the same data directory.
 *
 * <p>One socket is not on 127.0.0.1: the 8.6 broker's cluster-membership (SWIM) UDP socket on the
 * internal-API port binds the wildcard address ({@code NettyUnicastService} builds its bind
 * address from the port alone; no property moves it). It only accepts datagrams carrying this
 * cluster's id, and a single broker sends none.
 *
 * <p>The distribution's {@code bin/broker} takes its configuration only from {@code JAVA_OPTS}
 * system properties and runs on a JDK 21+: it gets this JVM's own (the build runs the tests on a
 * JDK ≥ 21). Its output goes to {@code broker-N.log} next to the data directory. A shutdown hook
 * kills it if the test JVM ends without {@link #close()}.
 */
public final class ZeebeBrokerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path home;
  private final Path workDir;
  private final Path dataDir;
  private final Map<String, Integer> ports;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread shutdownHook = new Thread(this::killQuietly, "zeebe-broker-killer");
  private Process process;
  private int starts;

  /**
   * @param home the unpacked distribution (with {@code bin/broker})
   * @param workDir where the data directory and the logs go
   */
  public ZeebeBrokerProcess(final Path home, final Path workDir) {
    this.home = home;
    this.workDir = workDir;
    this.dataDir = workDir.resolve("data");
    this.ports =
        Map.of(
            "gateway", FreePort.onLoopback(),
            "command", FreePort.onLoopback(),
            "internal", FreePort.onLoopback(),
            "server", FreePort.onLoopback(),
            "management", FreePort.onLoopback());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The gateway's gRPC address, for {@code camunda.client.grpc-address}. */
  public String grpcAddress() {
    return "http://127.0.0.1:" + ports.get("gateway");
  }

  /** Starts the broker process (on the existing data directory, if any); does not wait. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("broker already running");
    }
    try {
      Files.createDirectories(dataDir);
      final Path log = workDir.resolve("broker-" + (++starts) + ".log");
      final ProcessBuilder builder =
          new ProcessBuilder("/bin/sh", home.resolve("bin/broker").toString())
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("JAVA_OPTS", String.join(" ", javaOpts()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the broker from " + home, e);
    }
  }

  /** Waits until the broker's management endpoint reports UP; returns how long that took. */
  public Duration awaitHealthy() {
    final long started = System.nanoTime();
    final URI health =
        URI.create("http://127.0.0.1:" + ports.get("management") + "/actuator/health/status");
    await("Zeebe broker healthy (" + health + ")")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "broker exited with " + process.exitValue() + ", see " + workDir);
              }
              final HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                      HttpResponse.BodyHandlers.ofString());
              return response.statusCode() == 200 && response.body().contains("UP");
            });
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** {@code kill -9}: no shutdown, no flush beyond what the broker had already written. */
  public synchronized void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("broker survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 30 s) and removes the shutdown hook. */
  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private void killQuietly() {
    final Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private List<String> javaOpts() {
    final List<String> opts = new ArrayList<>();
    opts.add("-Xms256m");
    opts.add("-Xmx768m");
    opts.add("-Dzeebe.broker.network.host=127.0.0.1");
    opts.add("-Dzeebe.broker.network.commandApi.port=" + ports.get("command"));
    opts.add("-Dzeebe.broker.network.internalApi.port=" + ports.get("internal"));
    opts.add("-Dzeebe.broker.gateway.network.host=127.0.0.1");
    opts.add("-Dzeebe.broker.gateway.network.port=" + ports.get("gateway"));
    opts.add("-Dserver.address=127.0.0.1");
    opts.add("-Dserver.port=" + ports.get("server"));
    opts.add("-Dmanagement.server.address=127.0.0.1");
    opts.add("-Dmanagement.server.port=" + ports.get("management"));
    opts.add("-Dzeebe.broker.data.directory=" + dataDir);
    // smaller log segments than the default 128 MB (each is preallocated on disk)
    opts.add("-Dzeebe.broker.data.logSegmentSize=32MB");
    return opts;
  }
}
