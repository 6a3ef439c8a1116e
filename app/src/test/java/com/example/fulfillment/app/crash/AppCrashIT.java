package com.example.fulfillment.app.crash;

import static com.example.fulfillment.app.crash.CrashTestSupport.since;

import java.time.Duration;
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

  @Test
  void killingTheAppLosesNoAcceptedOrderAndChargesNothingTwice() throws Exception {
    CrashTestSupport.crashDuringLoad(
        "app-crash",
        (setup, load, acceptedAtKill, figures) -> {
          setup.app.kill();
          final long killed = System.nanoTime();

          setup.startApp();
          figures.put("kill → app ready again (ms)", since(killed));
          figures.put(
              "of them in flight when the app was back",
              CrashTestSupport.unended(setup, acceptedAtKill).size());

          CrashTestSupport.awaitAllEnded(setup, load, Duration.ofMinutes(3));
          figures.put("kill → every order ended (ms)", since(killed));
          return CrashTestSupport.checkAnswers(
              load,
              figures,
              "202, 503 and none (while the app was down)",
              "HTTP 202",
              "HTTP 503",
              "no answer");
        },
        (setup, figures) -> {});
  }
}
