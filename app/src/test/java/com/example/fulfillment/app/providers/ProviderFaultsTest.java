package com.example.fulfillment.app.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.TestEngineSettings;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.jobs.JobListener;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.providers.HttpPaymentProvider;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The payment provider behind a real HTTP stub: WireMock on loopback proxies to the sandbox this
 * app serves, so every charge that gets through lands on the sandbox's real books, and injects
 * faults in between. The breaker's window and wait are small so that it opens and closes within
 * seconds.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fulfillment-provider-faults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "fulfillment.sandbox.carrier.delivery-delay=PT0.2S",
      "fulfillment.sandbox.payment.slow-answer=PT3S",
      // generous for a busy build machine; the slow answer and the late stub exceed it
      "fulfillment.providers.payment.read-timeout=PT1.5S",
      "fulfillment.providers.payment.retry.initial=PT0.05S",
      "fulfillment.providers.payment.retry.max=PT0.2S",
      "fulfillment.providers.payment.circuit-breaker.sliding-window-size=6",
      "fulfillment.providers.payment.circuit-breaker.minimum-number-of-calls=4",
      // long enough that the outage sees few half-open probes: each failed probe uses up a retry
      "fulfillment.providers.payment.circuit-breaker.wait-duration-in-open-state=PT3S",
      "fulfillment.providers.payment.circuit-breaker.permitted-calls-in-half-open-state=2"
    })
@TestEngineSettings
@Import({ApiTestConfiguration.class, ProviderFaultsTest.Jobs.class})
@AutoConfigureMockMvc
@AutoConfigureObservability
class ProviderFaultsTest {

  static final WireMockServer STUB =
      new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

  static {
    STUB.start();
  }

  @DynamicPropertySource
  static void providerBehindTheStub(final DynamicPropertyRegistry properties) {
    properties.add(
        "fulfillment.providers.payment.base-url", () -> STUB.baseUrl() + "/sandbox/payments");
  }

  /** Every charge-payment job the workers handled. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Jobs {
    final List<JobListener.HandledJob> charges = new CopyOnWriteArrayList<>();

    @Bean
    JobListener chargeJobs() {
      return job -> {
        if (JobTypes.CHARGE_PAYMENT.equals(job.type())) {
          charges.add(job);
        }
      };
    }
  }

  @AfterAll
  static void stopStub() {
    STUB.stop();
  }

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired HttpPaymentProvider payments;
  @Autowired MeterRegistry meters;
  @Autowired PrometheusMeterRegistry prometheus;
  @Autowired Jobs jobs;

  ApiDriver api;

  @BeforeEach
  void proxyToTheSandbox() {
    api = new ApiDriver(mvc);
    STUB.resetAll();
    STUB.stubFor(
        any(urlPathMatching("/sandbox/.*"))
            .atPriority(10)
            .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + port)));
    payments.client().circuitBreaker().reset();
  }

  @Test
  void aChargeWhoseAnswerTimedOutIsAskedAgainWithItsKeyAndChargedOnce() throws Exception {
    final String orderId = api.place("tok_slow", "SKU-1:1");

    api.awaitStatus(orderId, "COMPLETED");

    // the first request timed out after the provider charged; every later one, same key (the
    // stub journals a request once it answered it: the late first one may come after the order)
    final int requests =
        await("the late answer journaled")
            .atMost(Duration.ofSeconds(10))
            .until(() -> chargeRequests(orderId), n -> n >= 2);
    STUB.verify(
        requests,
        postRequestedFor(urlPathEqualTo("/sandbox/payments/charges"))
            .withHeader("Idempotency-Key", equalTo(orderId + ":charge")));
    assertThat(sandboxAttempts(orderId)).as("requests the provider saw").isEqualTo(requests);
    assertThat(sandboxCharges(orderId)).as("charges on the provider's books").isEqualTo(1);
  }

  @Test
  void whileTheBreakerIsOpenJobsWaitWithoutUsingUpRetriesAndEveryOrderCompletesOnce()
      throws Exception {
    final CircuitBreaker breaker = payments.client().circuitBreaker();
    final double incidentsBefore = incidents();
    final int handledBefore = jobs.charges.size();
    // the provider drops connections, answers 503 or too late, in turn; it charges nothing
    final List<StubMapping> outage =
        List.of(
            STUB.stubFor(
                post("/sandbox/payments/charges")
                    .atPriority(1)
                    .inScenario("outage")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                    .willSetStateTo("5xx")),
            STUB.stubFor(
                post("/sandbox/payments/charges")
                    .atPriority(1)
                    .inScenario("outage")
                    .whenScenarioStateIs("5xx")
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("slow")),
            STUB.stubFor(
                post("/sandbox/payments/charges")
                    .atPriority(1)
                    .inScenario("outage")
                    .whenScenarioStateIs("slow")
                    .willReturn(aResponse().withStatus(503).withFixedDelay(2000))
                    .willSetStateTo(Scenario.STARTED)));
    final List<String> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(api.place("tok_ok", "SKU-2:1"));
    }

    await("breaker open")
        .atMost(Duration.ofSeconds(20))
        .until(breaker::getState, s -> s == CircuitBreaker.State.OPEN);
    await("jobs refused by the open breaker")
        .atMost(Duration.ofSeconds(20))
        .until(() -> refusedWithoutAttempt(handledBefore) >= orders.size() / 2);
    final int attemptedFailures = attemptedFailures(handledBefore);
    outage.forEach(STUB::removeStub); // the provider is back

    for (String orderId : orders) {
      api.awaitStatus(orderId, "COMPLETED");
    }
    // Closed, or half-open when fewer charges were left than the trial calls the half-open state
    // permits (2 here): then the next charge closes it. Never open: the provider is back.
    await("breaker no longer open")
        .atMost(Duration.ofSeconds(10))
        .until(
            breaker::getState,
            s -> s == CircuitBreaker.State.CLOSED || s == CircuitBreaker.State.HALF_OPEN);

    assertThat(incidents() - incidentsBefore).as("incidents").isZero();
    assertThat(attemptedFailures)
        .as("failures that used up a retry: only calls that went out before the breaker opened")
        .isPositive()
        .isLessThan(orders.size());
    for (String orderId : orders) {
      assertThat(sandboxCharges(orderId)).as("charges of " + orderId).isEqualTo(1);
    }
    assertThat(prometheus.scrape())
        .contains("resilience4j_circuitbreaker_state{name=\"payment\",state=\"closed\"} 1.0");
  }

  private int chargeRequests(final String orderId) {
    return STUB.findAll(
            postRequestedFor(urlPathEqualTo("/sandbox/payments/charges"))
                .withRequestBody(containing(orderId)))
        .size();
  }

  private long refusedWithoutAttempt(final int from) {
    return jobs.charges.subList(from, jobs.charges.size()).stream()
        .filter(j -> "failed".equals(j.outcome()) && j.retriesLeft() == j.retries())
        .count();
  }

  private int attemptedFailures(final int from) {
    return (int)
        jobs.charges.subList(from, jobs.charges.size()).stream()
            .filter(j -> "failed".equals(j.outcome()) && j.retriesLeft() < j.retries())
            .count();
  }

  private double incidents() {
    final var counter =
        meters.find(JobHandling.INCIDENTS).tag("type", JobTypes.CHARGE_PAYMENT).counter();
    return counter == null ? 0 : counter.count();
  }

  private int sandboxCharges(final String orderId) {
    return sandboxCount(
        "SELECT COUNT(*) FROM sandbox_payment_operation WHERE order_id = :o AND step = 'CHARGE'",
        orderId);
  }

  private int sandboxAttempts(final String orderId) {
    return sandboxCount(
        "SELECT attempts FROM sandbox_payment_attempt WHERE order_id = :o AND step = 'CHARGE'",
        orderId);
  }

  /** What the payment sandbox's tables say about one order (a query with parameter :o). */
  private int sandboxCount(final String sql, final String orderId) {
    return jdbc.sql(sql).param("o", orderId).query(Integer.class).single();
  }
}
