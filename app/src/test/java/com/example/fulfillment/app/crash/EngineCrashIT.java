package com.example.fulfillment.app.crash;

import static com.example.fulfillment.app.crash.CrashTestSupport.since;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The development engine, a process of its own, killed with SIGKILL while 120 mixed orders are
 * being placed through the production jar in {@code remote} mode, and started again: it begins
 * empty (see {@code DevEngineMain}). Meanwhile the API answers 503 with {@code Retry-After}, never
 * 500, and readiness is DOWN. Once the engine is back, the app notices that it lost its state,
 * deploys the models again and starts the unfinished orders again; every accepted order ends, with
 * stock and money exact and nothing charged twice.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EngineCrashIT {

  private static final Duration OUTAGE = Duration.ofSeconds(3);

  @Test
  void killingTheEngineLosesNoAcceptedOrderAndTheAppAnswers503Meanwhile() throws Exception {
    CrashTestSupport.crashDuringLoad(
        "engine-crash",
        (setup, load, acceptedAtKill, figures) -> {
          figures.put(
              "of them in flight at the kill",
              CrashTestSupport.unended(setup, acceptedAtKill).size());
          setup.engine.kill();
          final long killed = System.nanoTime();

          // The outage: 503 with Retry-After for a new order, readiness DOWN.
          final RemoteSetup.Answer refused =
              setup.postOrder(
                  "engine-crash-outage",
                  "{\"customerId\":\"c-outage\",\"items\":"
                      + "[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"tok_ok\","
                      + "\"shippingAddress\":{\"name\":\"E M\",\"street\":\"S 1\",\"city\":\"K\","
                      + "\"postalCode\":\"51147\",\"country\":\"DE\"}}");
          figures.put(
              "a new order during the outage",
              refused.statusCode() + " Retry-After: " + refused.retryAfter());
          assertThat(refused.statusCode()).isEqualTo(503);
          assertThat(refused.retryAfter()).isNotBlank();
          await("readiness DOWN")
              .atMost(Duration.ofSeconds(15))
              .until(() -> setup.readiness() == 503);
          figures.put("kill → readiness DOWN (ms)", since(killed));
          await("an outage of " + OUTAGE)
              .pollDelay(OUTAGE)
              .atMost(OUTAGE.plusSeconds(5))
              .until(() -> setup.readiness() == 503);

          setup.startEngine();
          final long restarted = System.nanoTime();
          await("readiness UP again")
              .atMost(Duration.ofSeconds(60))
              .until(() -> setup.readiness() == 200);
          figures.put("engine restart → readiness UP (ms)", since(restarted));

          CrashTestSupport.awaitAllEnded(setup, load, Duration.ofMinutes(3));
          figures.put("engine restart → every order ended (ms)", since(restarted));
          return CrashTestSupport.checkAnswers(
              load, figures, "202 and 503", "HTTP 202", "HTTP 503");
        },
        (setup, figures) -> {
          final String log = java.nio.file.Files.readString(setup.app.log());
          assertThat(log).contains("has lost its state");
          figures.put(
              "orders started again by the app",
              log.lines().filter(l -> l.contains(") restarted")).count());
        });
  }
}
