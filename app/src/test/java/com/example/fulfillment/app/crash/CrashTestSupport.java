package com.example.fulfillment.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What both crash tests ask the running app, and how they report. */
final class CrashTestSupport {

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final List<String> TERMINAL = List.of("COMPLETED", "REJECTED", "CANCELLED");

  /** Both crash tests place this many mixed orders ... */
  static final int ORDERS = 120;

  /** ... and crash once this many are accepted. */
  static final int ACCEPTED_AT_KILL = 40;

  private CrashTestSupport() {}

  /**
   * Kills a process while the load runs, waits until every order ended, and returns the accepted
   * orders; it is given the orders accepted at the kill and the figures to add to.
   */
  @FunctionalInterface
  interface Crash {
    List<String> crash(
        RemoteSetup setup, OrderLoad load, List<String> acceptedAtKill, Map<String, Object> figures)
        throws Exception;
  }

  /** Checks made once the app has stopped, before the books are checked. */
  @FunctionalInterface
  interface AfterStop {
    void check(RemoteSetup setup, Map<String, Object> figures) throws Exception;
  }

  /**
   * The frame of both crash tests: the development engine and the production jar up, {@link
   * #ORDERS} orders placed, the {@code crash} once {@link #ACCEPTED_AT_KILL} are accepted, then the
   * app stopped and the books checked for the accepted orders. The figures are reported even when a
   * check fails.
   */
  static void crashDuringLoad(final String test, final Crash crash, final AfterStop afterStop)
      throws Exception {
    final Map<String, Object> figures = new LinkedHashMap<>();
    final long started = System.nanoTime();
    try (RemoteSetup setup = new RemoteSetup(test)) {
      setup.startEngine();
      setup.startApp();
      final List<String> accepted;
      try (OrderLoad load = new OrderLoad(setup, test, ORDERS)) {
        final List<String> acceptedAtKill = startAndAwaitAccepted(load, ACCEPTED_AT_KILL);
        figures.put("orders accepted at the kill", acceptedAtKill.size());
        accepted = crash.crash(setup, load, acceptedAtKill, figures);
      }
      setup.app.close();
      afterStop.check(setup, figures);
      figures.putAll(new Books(setup.database()).check(accepted));
    } finally {
      figures.put("test runtime (ms)", since(started));
      report(test, figures);
    }
  }

  /** The orders among {@code orderIds} that the app does not report ended (or cannot tell). */
  static List<String> unended(final RemoteSetup setup, final Collection<String> orderIds) {
    return orderIds.stream().filter(id -> !TERMINAL.contains(status(setup, id))).toList();
  }

  static String status(final RemoteSetup setup, final String orderId) {
    final RemoteSetup.Answer answer = setup.get("/api/orders/" + orderId);
    if (answer.statusCode() != 200) {
      return "HTTP " + answer.statusCode();
    }
    final Matcher m = STATUS.matcher(answer.body());
    return m.find() ? m.group(1) : "?";
  }

  /** Waits until the load has placed every order and every accepted order has ended. */
  static void awaitAllEnded(final RemoteSetup setup, final OrderLoad load, final Duration atMost) {
    try {
      await("every order placed and ended")
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(500))
          .failFast("the app exited: see " + setup.app.log(), () -> !setup.app.isAlive())
          .until(() -> load.done() && unended(setup, load.accepted()).isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // What CI shows of a failure is this message: say where the orders stand.
      final Map<String, String> open = new java.util.TreeMap<>();
      unended(setup, load.accepted()).forEach(id -> open.put(id, status(setup, id)));
      throw new AssertionError(
          e.getMessage()
              + "; all placed: "
              + load.done()
              + ", accepted: "
              + load.accepted().size()
              + ", answers: "
              + load.answers()
              + ", not ended: "
              + open
              + " (logs in "
              + setup.work
              + ")",
          e);
    }
  }

  /** Starts the load and returns the accepted orders once there are at least {@code count}. */
  static List<String> startAndAwaitAccepted(final OrderLoad load, final int count) {
    load.start();
    await("at least " + count + " orders accepted")
        .atMost(Duration.ofSeconds(90))
        .until(() -> load.accepted().size() >= count);
    return load.accepted();
  }

  /**
   * Records what the load was answered and checks it: no order given up, and no answer but the
   * {@code allowed} ones ({@code what} says which, for the failure message). Returns the accepted
   * orders.
   */
  static List<String> checkAnswers(
      final OrderLoad load,
      final Map<String, Object> figures,
      final String what,
      final String... allowed) {
    final List<String> accepted = load.accepted();
    figures.put("orders accepted", accepted.size());
    figures.put("answers", load.answers());
    assertThat(load.givenUp()).as("orders the API refused for good").isEmpty();
    assertThat(load.answers().keySet())
        .as("answers other than " + what)
        .allMatch(List.of(allowed)::contains);
    return accepted;
  }

  static long since(final long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }

  static void report(final String test, final Map<String, Object> figures) {
    figures.forEach((k, v) -> System.out.println("[" + test + "] " + k + ": " + v));
  }
}
