package com.example.fulfillment.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What both crash tests ask the running app, and how they report. */
final class CrashTestSupport {

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final List<String> TERMINAL = List.of("COMPLETED", "REJECTED", "CANCELLED");

  private CrashTestSupport() {}

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
