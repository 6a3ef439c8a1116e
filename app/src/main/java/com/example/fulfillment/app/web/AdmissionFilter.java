package com.example.fulfillment.app.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead for the API's writes (placing orders, cancellations, events): at most {@code
 * fulfillment.api.max-concurrent-writes} run at once; a request that finds no slot within {@code
 * fulfillment.api.admission-wait} is refused at once with 503 and {@code Retry-After} instead of
 * queueing behind the engine and the database until every thread and connection is taken. Reads are
 * cheap and stay unlimited (Tomcat's own thread pool bounds them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AdmissionFilter extends OncePerRequestFilter {

  private final Semaphore slots;
  private final long waitNanos;
  private final ApiJson json;
  private final Counter shed;

  AdmissionFilter(
      @Value("${fulfillment.api.max-concurrent-writes:48}") final int maxConcurrentWrites,
      @Value("${fulfillment.api.admission-wait:PT0.25S}") final Duration admissionWait,
      final ApiJson json,
      final MeterRegistry meters) {
    if (maxConcurrentWrites < 1) {
      throw new IllegalArgumentException("fulfillment.api.max-concurrent-writes must be >= 1");
    }
    this.slots = new Semaphore(maxConcurrentWrites, true);
    this.waitNanos = admissionWait.toNanos();
    this.json = json;
    this.shed =
        Counter.builder("fulfillment.api.requests.shed")
            .description("API writes refused with 503 because every slot was busy")
            .register(meters);
    Gauge.builder(
            "fulfillment.api.writes.in.flight",
            slots,
            s -> maxConcurrentWrites - s.availablePermits())
        .description("API writes being handled now")
        .register(meters);
  }

  @Override
  protected boolean shouldNotFilter(final HttpServletRequest request) {
    final String method = request.getMethod();
    return !request.getRequestURI().startsWith("/api/")
        || "GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method);
  }

  @Override
  protected void doFilterInternal(
      final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    final boolean admitted;
    try {
      admitted = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for admission", e);
    }
    if (!admitted) {
      shed.increment();
      overloaded(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.release();
    }
  }

  private void overloaded(final HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader(HttpHeaders.RETRY_AFTER, "1");
    json.mapper()
        .writeValue(
            response.getOutputStream(),
            ProblemType.OVERLOADED.problem(
                "Too many requests are being handled right now; retry after a second (with the"
                    + " same Idempotency-Key, an order is never placed twice)."));
  }
}
