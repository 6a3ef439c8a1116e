package com.example.fulfillment.providers;

import com.example.fulfillment.common.Backoff;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One remote provider's HTTP calls: a {@link RestClient} with connect and read timeouts, every
 * request keyed with {@value #IDEMPOTENCY_KEY} {@code <orderId>:<step>}, decorated (outermost
 * first) with a resilience4j {@link Retry}, {@link CircuitBreaker} and {@link Bulkhead}.
 *
 * <p>Failures become the port's technical exception ({@link Unavailable}), saying whether the
 * request went out at all: refused by the open breaker or the full bulkhead, it did not, and the
 * job keeps its retries (JobHandling).
 */
public final record ProviderClient(
    String name,
    RestClient http,
    Supplier<Optional<URI>> baseUrl,
    Retry retry,
    CircuitBreaker breaker,
    Bulkhead bulkhead,
    Backoff backoff,
    Unavailable unavailable) {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final int MAX_SAID = 300;

  /** Builds the port's technical exception. */
  @FunctionalInterface
  public interface Unavailable {
    RuntimeException of(String message, boolean attempted, Duration retryAfter, Throwable cause);
  }

  public CircuitBreaker circuitBreaker() {
    return breaker;
  }

  /**
   * POSTs {@code body} to {@code path} under the key {@code <orderId>:<step>} and reads the answer.
   *
   * @throws RuntimeException the port's technical exception when the provider did not answer, or
   *     answered 5xx; an {@link IllegalStateException} when it refused the request (4xx)
   */
  public <T> T post(
      final String path,
      final String orderId,
      final String step,
      final Object body,
      final Class<T> answer) {
    final String key = orderId + ":" + step;
    final String what = name + " " + step + " of order " + orderId;
    final URI url =
        baseUrl
            .get()
            .map(base -> URI.create(base.toString().replaceFirst("/$", "") + "/" + path))
            .orElseThrow(
                () ->
                    unavailable.of(
                        what + ": the provider's address is not known yet (server starting?)",
                        false,
                        backoff.after(1),
                        null));
    final AtomicInteger sent = new AtomicInteger();
    final Supplier<T> request =
        () -> {
          sent.incrementAndGet();
          return http.post()
              .uri(url)
              .header(IDEMPOTENCY_KEY, key)
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(body)
              .retrieve()
              .body(answer);
        };
    try {
      return Retry.decorateSupplier(
              retry,
              CircuitBreaker.decorateSupplier(
                  breaker, Bulkhead.decorateSupplier(bulkhead, request)))
          .get();
    } catch (CallNotPermittedException e) {
      throw unavailable.of(
          what + " not sent: circuit breaker " + name + " is " + breaker.getState(),
          sent.get() > 0,
          Duration.ofMillis(
              breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)),
          e);
    } catch (BulkheadFullException e) {
      throw unavailable.of(
          what + " not sent: " + name + " has too many calls in flight",
          sent.get() > 0,
          backoff.after(1),
          e);
    } catch (HttpServerErrorException e) {
      throw unavailable.of(
          what + " failed: " + name + " answered " + answerOf(e),
          true,
          retryAfter(e.getResponseHeaders()),
          e);
    } catch (ResourceAccessException e) {
      throw unavailable.of(
          what + " failed: no answer from " + name + " (" + e.getMessage() + ")", true, null, e);
    } catch (HttpClientErrorException e) {
      // The provider refused the request itself: retrying changes nothing, an operator must look.
      throw new IllegalStateException(what + " refused: " + name + " answered " + answerOf(e), e);
    } catch (RestClientException e) {
      throw unavailable.of(what + " failed: " + e.getMessage(), true, null, e);
    }
  }

  /** Failures that say the provider is in trouble: they count for the breaker. */
  static boolean providerFailure(final Throwable e) {
    return e instanceof ResourceAccessException || e instanceof HttpServerErrorException;
  }

  /**
   * Failures worth asking again at once, with the same idempotency key: no answer came (connect or
   * read timeout, dropped connection) or a gateway in front of the provider could not reach it
   * (502, 504). A 500 or 503 is the provider's own answer: the job's retry, with its longer
   * backoff, asks again, so that retries do not multiply against a struggling provider.
   */
  static boolean worthRetrying(final Throwable e) {
    if (e instanceof ResourceAccessException) {
      return true;
    }
    if (e instanceof HttpServerErrorException server) {
      final HttpStatusCode status = server.getStatusCode();
      return status.value() == 502 || status.value() == 504;
    }
    return false;
  }

  /** The status and what the provider said about it (its problem's detail, or its body). */
  private static String answerOf(final HttpStatusCodeException e) {
    String said = e.getResponseBodyAsString();
    try {
      final ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
      if (problem != null && problem.getDetail() != null) {
        said = problem.getDetail();
      }
    } catch (RuntimeException notAProblem) {
      // not problem+json: the raw body says it
    }
    said = said.strip();
    if (said.length() > MAX_SAID) {
      said = said.substring(0, MAX_SAID) + "…";
    }
    return e.getStatusCode() + (said.isEmpty() ? "" : ": " + said);
  }

  private static Duration retryAfter(final HttpHeaders headers) {
    final String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException httpDate) {
      return null; // an HTTP date: the job's own backoff does
    }
  }
}
