package com.example.fulfillment.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.fulfillment.common.ProviderUnavailableException;
import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider.Charge;
import com.example.fulfillment.payment.PaymentProviderUnavailableException;
import com.example.fulfillment.providers.ProvidersConfiguration.ProviderResilience;
import com.example.fulfillment.shipping.ShippingMethod;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP adapters against a real HTTP stub (WireMock on loopback): the idempotency key on every
 * request, the mapping of answers and failures, and which failures are retried at once.
 */
class HttpProvidersTest {

  private final WireMockServer stub =
      new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
  private HttpPaymentProvider payments;
  private HttpCarrier carrier;
  private CircuitBreaker breaker;

  @BeforeEach
  void start() {
    stub.start();
    final ProviderResilience resilience =
        new ProviderResilience(
            CircuitBreakerRegistry.ofDefaults(),
            RetryRegistry.ofDefaults(),
            BulkheadRegistry.ofDefaults());
    final ProvidersProperties.Provider settings =
        new ProvidersProperties.Provider(
            null,
            Duration.ofMillis(500),
            Duration.ofMillis(300),
            new ProvidersProperties.Retry(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50)),
            new ProvidersProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(30), 1),
            new ProvidersProperties.Bulkhead(4, Duration.ofMillis(100)));
    final URI base = URI.create(stub.baseUrl() + "/v1");
    final var builders = new StaticListableBeanFactory().getBeanProvider(RestClient.Builder.class);
    payments =
        new HttpPaymentProvider(
            ProvidersConfiguration.client(
                "payment",
                settings,
                resilience,
                builders,
                () -> Optional.of(base),
                PaymentProviderUnavailableException::new));
    carrier =
        new HttpCarrier(
            ProvidersConfiguration.client(
                "carrier",
                settings,
                resilience,
                builders,
                () -> Optional.of(base),
                ProviderUnavailableException::new));
    breaker = payments.client().circuitBreaker();
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  @Test
  void everyRequestCarriesItsIdempotencyKeyAndADeclineIsAnAnswer() {
    stub.stubFor(
        post("/v1/charges")
            .willReturn(
                okJson(
                    """
                    {"result": "DECLINED", "declineReason": "card declined"}""")));
    stub.stubFor(post("/v1/refunds").willReturn(okJson("{\"result\": \"REFUNDED\"}")));
    stub.stubFor(post("/v1/bookings").willReturn(okJson("{\"carrier\": \"DHL Paket\"}")));

    final ChargeOutcome outcome =
        payments.charge(new Charge("ord_1", "tok_declined", new BigDecimal("12.50"), "EUR"));
    payments.refund("ord_1", "ch_1", new BigDecimal("12.50"));
    final String booked = carrier.book("ord_1", "shp_1", ShippingMethod.STANDARD);

    assertThat(outcome).isEqualTo(new ChargeOutcome.Declined("card declined"));
    assertThat(booked).isEqualTo("DHL Paket");
    stub.verify(
        postRequestedFor(urlPathEqualTo("/v1/charges"))
            .withHeader("Idempotency-Key", equalTo("ord_1:charge"))
            .withRequestBody(
                equalToJson(
                    """
                    {"orderId": "ord_1", "paymentToken": "tok_declined", "amount": 12.50,
                     "currency": "EUR"}""")));
    stub.verify(
        postRequestedFor(urlPathEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("ord_1:refund")));
    stub.verify(
        postRequestedFor(urlPathEqualTo("/v1/bookings"))
            .withHeader("Idempotency-Key", equalTo("ord_1:carrier-booking")));
  }

  @Test
  void aDroppedConnectionIsAskedAgainAtOnceWithTheSameKey() {
    stub.stubFor(
        post("/v1/charges")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("empty"));
    stub.stubFor(
        post("/v1/charges")
            .inScenario("flaky")
            .whenScenarioStateIs("empty")
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("up"));
    stub.stubFor(
        post("/v1/charges")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(okJson("{\"result\": \"CHARGED\", \"chargeId\": \"ch_7\"}")));

    final ChargeOutcome outcome =
        payments.charge(new Charge("ord_2", "tok_ok", BigDecimal.TEN, "EUR"));

    assertThat(outcome).isEqualTo(new ChargeOutcome.Charged("ch_7"));
    stub.verify(
        3,
        postRequestedFor(urlPathEqualTo("/v1/charges"))
            .withHeader("Idempotency-Key", equalTo("ord_2:charge")));
  }

  @Test
  void aTimeoutIsRetriedAndThenATechnicalFailureThatReachedTheProvider() {
    stub.stubFor(
        post("/v1/charges")
            .willReturn(
                okJson("{\"result\": \"CHARGED\", \"chargeId\": \"ch_8\"}").withFixedDelay(600)));

    final PaymentProviderUnavailableException e = chargeUnavailable("ord_3");

    assertThat(e).isNotNull();
    assertThat(e.attempted()).isTrue();
    assertThat(e.getMessage()).contains("no answer from payment");
    stub.verify(3, postRequestedFor(urlPathEqualTo("/v1/charges")));
  }

  @Test
  void aServerErrorIsLeftToTheJobsRetryWithTheProvidersRetryAfter() {
    stub.stubFor(
        post("/v1/charges").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

    final PaymentProviderUnavailableException e = chargeUnavailable("ord_4");

    assertThat(e.attempted()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    stub.verify(1, postRequestedFor(urlPathEqualTo("/v1/charges")));
  }

  @Test
  void aRefusedRequestIsNotRetriedAndSaysNothingAboutTheProvidersHealth() {
    stub.stubFor(post("/v1/captures").willReturn(aResponse().withStatus(422).withBody("no")));

    final IllegalStateException e =
        catchThrowableOfType(
            IllegalStateException.class, () -> payments.capture("ord_5", "ch_5", BigDecimal.ONE));

    assertThat(e).hasMessageContaining("422");
    stub.verify(1, postRequestedFor(urlPathEqualTo("/v1/captures")));
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void anOpenBreakerRefusesWithoutARequestAndNamesItsWait() {
    stub.stubFor(post("/v1/charges").willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 4; i++) {
      chargeUnavailable("ord_6");
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    stub.resetRequests();

    final PaymentProviderUnavailableException refused = chargeUnavailable("ord_7");

    assertThat(refused.attempted()).isFalse();
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
    stub.verify(0, postRequestedFor(urlPathEqualTo("/v1/charges")));
    assertThat(carrier.client().circuitBreaker().getState())
        .as("each provider has its own breaker")
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }

  /** Charges 10 EUR with tok_ok and returns the provider's unavailability it ends in. */
  private PaymentProviderUnavailableException chargeUnavailable(final String orderId) {
    return catchThrowableOfType(
        PaymentProviderUnavailableException.class,
        () -> payments.charge(new Charge(orderId, "tok_ok", BigDecimal.TEN, "EUR")));
  }
}
