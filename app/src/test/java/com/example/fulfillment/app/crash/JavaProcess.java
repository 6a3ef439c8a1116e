package com.example.fulfillment.app.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own, started from a jar with the JDK that runs the tests, its output in a log file.
 * {@link #kill()} is SIGKILL (no shutdown hook runs), {@link #close()} a normal stop.
 */
class JavaProcess implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  JavaProcess(final String name, final Path jar, final Path log, final List<String> args) {
    this.name = name;
    this.log = log;
    this.command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
  }

  /** The jar named by a system property that failsafe sets (see app/pom.xml). */
  static Path jar(final String property) {
    final String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException(
          "System property "
              + property
              + " must name a built jar (run through `mvn verify`), was "
              + value);
    }
    return Path.of(value);
  }

  void start() {
    try {
      starts++;
      Files.writeString(
          log,
          "\n===== start " + starts + " of " + name + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Waits until the log of the current start contains {@code line}. */
  void awaitLog(final String line, final Duration atMost) {
    await(name + " logs '" + line + "'")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .failFast(name + " exited: see " + log, () -> !process.isAlive())
        .until(() -> currentStartLog().contains(line));
  }

  String currentStartLog() throws IOException {
    final String all = Files.readString(log);
    return all.substring(all.lastIndexOf("===== start " + starts + " "));
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the JVM ends at once, no shutdown hook, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  /** SIGTERM and a wait for a clean shutdown (SIGKILL after 60 s). */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  Path log() {
    return log;
  }
}
