package com.example.fulfillment.app.crash;

import static com.example.fulfillment.app.crash.CrashTestSupport.since;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production jar in {@code remote} mode, killed with SIGKILL while 120 mixed orders are being
 * placed, and started again on the same database; the development engine, a process of its own,
 * keeps running. Every accepted order must end, nothing is charged or reserved twice, and stock and
 * money add up exactly. (Jobs the killed app held are handed out again after their timeout; the
 * workers' idempotency keys make the repeated steps harmless.)
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AppCrashIT {

  private static final int ORDERS = 120;
  private static final int ACCEPTED_AT_KILL = 40;

  @Test
  void killingTheAppLosesNoAcceptedOrderAndChargesNothingTwice() throws Exception {
    final Map<String, Object> figures = new LinkedHashMap<>();
    final long started = System.nanoTime();
    final List<String> accepted;
    try (RemoteSetup setup = new RemoteSetup("app-crash")) {
      setup.startEngine();
      setup.startApp();
      try (OrderLoad load = new OrderLoad(setup, "app-crash", ORDERS)) {
        final List<String> acceptedAtKill =
            CrashTestSupport.startAndAwaitAccepted(load, ACCEPTED_AT_KILL);
        setup.app.kill();
        final long killed = System.nanoTime();
        figures.put("orders accepted at the kill", acceptedAtKill.size());

        setup.startApp();
        figures.put("kill → app ready again (ms)", since(killed));
        figures.put(
            "of them in flight when the app was back",
            CrashTestSupport.unended(setup, acceptedAtKill).size());

        CrashTestSupport.awaitAllEnded(setup, load, Duration.ofMinutes(3));
        figures.put("kill → every order ended (ms)", since(killed));
        accepted =
            CrashTestSupport.checkAnswers(
                load,
                figures,
                "202, 503 and none (while the app was down)",
                "HTTP 202",
                "HTTP 503",
                "no answer");
      }
      setup.app.close();
      figures.putAll(new Books(setup.database()).check(accepted));
    } finally {
      figures.put("test runtime (ms)", since(started));
      CrashTestSupport.report("app-crash", figures);
    }
  }
}
