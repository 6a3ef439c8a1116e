package com.example.fulfillment.providers;

import com.example.fulfillment.common.Backoff;
import com.example.fulfillment.common.ProviderUnavailableException;
import com.example.fulfillment.payment.PaymentProviderUnavailableException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The payment provider and the carrier over HTTP, replacing the in-process sandboxes as the ports
 * ({@code @Primary}). Everything comes from {@code fulfillment.providers.<payment|carrier>.*}; the
 * resilience4j breakers, retries and bulkheads are named {@code payment} and {@code carrier}, and
 * their metrics ({@code resilience4j_circuitbreaker_state}, {@code _calls}, …) are in {@code
 * /actuator/prometheus}. {@code fulfillment.providers.enabled=false} keeps the in-process
 * sandboxes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersProperties.class)
@ConditionalOnBooleanProperty(name = "fulfillment.providers.enabled", matchIfMissing = true)
public class ProvidersConfiguration {

  public static final String PAYMENT = "payment";
  public static final String CARRIER = "carrier";

  /** Where the app serves its sandboxes (module app, package sandbox). */
  public static final String PAYMENT_SANDBOX = "/sandbox/payments";

  public static final String CARRIER_SANDBOX = "/sandbox/carrier";

  private static final Logger LOG = LoggerFactory.getLogger(ProvidersConfiguration.class);

  /** The resilience4j registries of the providers (not Spring beans of their own types). */
  public record ProviderResilience(
      CircuitBreakerRegistry breakers, RetryRegistry retries, BulkheadRegistry bulkheads) {}

  @Bean
  ProviderResilience providerResilience() {
    return new ProviderResilience(
        CircuitBreakerRegistry.ofDefaults(),
        RetryRegistry.ofDefaults(),
        BulkheadRegistry.ofDefaults());
  }

  /** Breaker state and calls, retries and bulkhead slots of each provider, in Micrometer. */
  @Bean
  MeterBinder providerMetrics(final ProviderResilience resilience) {
    return meters -> {
      TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.breakers()).bindTo(meters);
      TaggedRetryMetrics.ofRetryRegistry(resilience.retries()).bindTo(meters);
      TaggedBulkheadMetrics.ofBulkheadRegistry(resilience.bulkheads()).bindTo(meters);
    };
  }

  /** What every provider's client is built with, besides its own settings. */
  record ProviderClients(
      ProviderResilience resilience,
      ObjectProvider<RestClient.Builder> builders,
      Environment environment) {

    /**
     * The client of provider {@code name}; without a base URL, the app's sandbox at {@code
     * sandbox}.
     */
    ProviderClient client(
        final String name,
        final ProvidersProperties.Provider settings,
        final String sandbox,
        final ProviderClient.Unavailable unavailable) {
      final Supplier<Optional<URI>> baseUrl = address(settings.baseUrl(), environment, sandbox);
      return ProvidersConfiguration.client(
          name, settings, resilience, builders, baseUrl, unavailable);
    }
  }

  @Bean
  ProviderClients providerClients(
      final ProviderResilience resilience,
      final ObjectProvider<RestClient.Builder> builders,
      final Environment environment) {
    return new ProviderClients(resilience, builders, environment);
  }

  @Bean
  @Primary
  HttpPaymentProvider httpPaymentProvider(
      final ProvidersProperties properties, final ProviderClients clients) {
    return new HttpPaymentProvider(
        clients.client(
            PAYMENT,
            properties.payment(),
            PAYMENT_SANDBOX,
            PaymentProviderUnavailableException::new));
  }

  @Bean
  @Primary
  HttpCarrier httpCarrier(final ProvidersProperties properties, final ProviderClients clients) {
    return new HttpCarrier(
        clients.client(
            CARRIER, properties.carrier(), CARRIER_SANDBOX, ProviderUnavailableException::new));
  }

  /** Builds one provider's client from its settings (public for tests against a stub). */
  public static ProviderClient client(
      final String name,
      final ProvidersProperties.Provider settings,
      final ProviderResilience resilience,
      final ObjectProvider<RestClient.Builder> builders,
      final Supplier<Optional<URI>> baseUrl,
      final ProviderClient.Unavailable unavailable) {
    final Backoff backoff = settings.retry().backoff();
    final var breakerSettings = settings.circuitBreaker();
    final CircuitBreaker breaker =
        resilience
            .breakers()
            .circuitBreaker(
                name,
                CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(breakerSettings.slidingWindowSize())
                    .minimumNumberOfCalls(breakerSettings.minimumNumberOfCalls())
                    .failureRateThreshold(breakerSettings.failureRateThreshold())
                    .waitDurationInOpenState(breakerSettings.waitDurationInOpenState())
                    .permittedNumberOfCallsInHalfOpenState(
                        breakerSettings.permittedCallsInHalfOpenState())
                    .recordException(ProviderClient::providerFailure)
                    // a full bulkhead and a refused request say nothing about the provider's health
                    .ignoreExceptions(BulkheadFullException.class, HttpClientErrorException.class)
                    .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            e ->
                LOG.info(
                    "Circuit breaker {}: {} -> {}",
                    e.getCircuitBreakerName(),
                    e.getStateTransition().getFromState(),
                    e.getStateTransition().getToState()));
    final Retry retry =
        resilience
            .retries()
            .retry(
                name,
                RetryConfig.custom()
                    .maxAttempts(settings.retry().maxAttempts())
                    .intervalFunction(backoff.intervals())
                    .retryOnException(ProviderClient::worthRetrying)
                    .build());
    retry
        .getEventPublisher()
        .onRetry(
            e ->
                LOG.info(
                    "Provider {}: attempt {} failed ({}), again in {}",
                    e.getName(),
                    e.getNumberOfRetryAttempts(),
                    e.getLastThrowable() == null ? "?" : e.getLastThrowable().getMessage(),
                    e.getWaitInterval()));
    final var bulkhead =
        resilience
            .bulkheads()
            .bulkhead(
                name,
                BulkheadConfig.custom()
                    .maxConcurrentCalls(settings.bulkhead().maxConcurrentCalls())
                    .maxWaitDuration(settings.bulkhead().maxWaitDuration())
                    .build());
    final JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build());
    requests.setReadTimeout(settings.readTimeout());
    final RestClient http =
        builders.getIfAvailable(RestClient::builder).requestFactory(requests).build();
    return new ProviderClient(name, http, baseUrl, retry, breaker, bulkhead, backoff, unavailable);
  }

  /**
   * The configured base URL, or else this app's own sandbox at {@code path}: its port is known once
   * the web server listens ({@code local.server.port}), on the address it is bound to (loopback
   * when it listens on all of them).
   */
  static Supplier<Optional<URI>> address(
      final URI configured, final Environment environment, final String path) {
    if (configured != null) {
      final Optional<URI> fixed = Optional.of(configured);
      return () -> fixed;
    }
    // Resolved once, when the server first says its port: not on every provider call (host()
    // may look a name up).
    final AtomicReference<URI> known = new AtomicReference<>();
    return () -> {
      if (known.get() == null) {
        final String port = environment.getProperty("local.server.port");
        if (port == null) {
          return Optional.empty();
        }
        known.compareAndSet(null, URI.create("http://" + host(environment) + ":" + port + path));
      }
      return Optional.of(known.get());
    };
  }

  private static String host(final Environment environment) {
    final String bound = environment.getProperty("server.address");
    if (bound == null || bound.isBlank()) {
      return "127.0.0.1";
    }
    try {
      final InetAddress address = InetAddress.getByName(bound);
      if (address.isAnyLocalAddress()) {
        return "127.0.0.1";
      }
      final String literal = address.getHostAddress();
      return literal.contains(":") ? "[" + literal + "]" : literal;
    } catch (UnknownHostException e) {
      return bound;
    }
  }
}
