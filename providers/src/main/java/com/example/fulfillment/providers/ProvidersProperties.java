package com.example.fulfillment.providers;

import com.example.fulfillment.common.Backoff;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The remote providers ({@code fulfillment.providers.*}): {@code payment} and {@code carrier}, each
 * with the same settings (docs/configuration.md, "Providers").
 */
@ConfigurationProperties("fulfillment.providers")
public record ProvidersProperties(@DefaultValue Provider payment, @DefaultValue Provider carrier) {

  /**
   * {@code fulfillment.providers.<name>.*}.
   *
   * @param baseUrl where the provider's API is; unset: the sandbox this app serves itself ({@code
   *     http://127.0.0.1:<server port>/sandbox/<payments|carrier>})
   * @param connectTimeout longest wait for a connection
   * @param readTimeout longest wait for the answer to a request
   * @param retry retries within one job attempt, for requests that got no answer
   * @param circuitBreaker when to stop calling a failing provider, and for how long
   * @param bulkhead how many calls may be in flight at once
   */
  public record Provider(
      URI baseUrl,
      @DefaultValue("PT1S") Duration connectTimeout,
      @DefaultValue("PT5S") Duration readTimeout,
      @DefaultValue Retry retry,
      @DefaultValue CircuitBreaker circuitBreaker,
      @DefaultValue Bulkhead bulkhead) {}

  /**
   * {@code .retry.*}: at most {@code max-attempts} requests per call (the first included), waiting
   * the project's backoff between them ({@code initial} × {@code multiplier}^(n-1), at most {@code
   * max}).
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("PT0.2S") Duration initial,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("PT1S") Duration max) {

    public Backoff backoff() {
      return new Backoff(initial, multiplier, max);
    }
  }

  /**
   * {@code .circuit-breaker.*}: over the last {@code sliding-window-size} calls (once at least
   * {@code minimum-number-of-calls} were made), a failure rate of {@code failure-rate-threshold} %
   * opens the breaker: calls are refused for {@code wait-duration-in-open-state}, then {@code
   * permitted-calls-in-half-open-state} trial calls decide whether it closes again.
   */
  public record CircuitBreaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindowSize,
      @DefaultValue("10") int minimumNumberOfCalls,
      @DefaultValue("PT10S") Duration waitDurationInOpenState,
      @DefaultValue("3") int permittedCallsInHalfOpenState) {}

  /**
   * {@code .bulkhead.*}: at most {@code max-concurrent-calls} at once; a call waits at most {@code
   * max-wait-duration} for a slot.
   */
  public record Bulkhead(
      @DefaultValue("16") int maxConcurrentCalls,
      @DefaultValue("PT0.5S") Duration maxWaitDuration) {}
}
