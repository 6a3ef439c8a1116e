package com.example.fulfillment.app.web;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead for the API's writes (placing orders, cancellations, events): at most {@code
 * fulfillment.api.max-concurrent-writes} run at once; a request that finds no slot within {@code
 * fulfillment.api.admission-wait} is refused at once with 503 and {@code Retry-After} instead of
 * queueing behind the engine and the database until every thread and connection is taken. Reads are
 * cheap and stay unlimited (Tomcat's own thread pool bounds them).
 *
 * <p>The bulkhead is resilience4j's ({@value #BULKHEAD}, with its {@code resilience4j_bulkhead_*}
 * metrics); {@code fulfillment.api.requests.shed} counts the refusals and {@code
 * fulfillment.api.writes.in.flight} shows the slots taken.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AdmissionFilter extends OncePerRequestFilter {

  static final String BULKHEAD = "api-writes";

  private final Bulkhead bulkhead;
  private final ApiJson json;

  AdmissionFilter(
      @Value("${fulfillment.api.max-concurrent-writes:48}") final int maxConcurrentWrites,
      @Value("${fulfillment.api.admission-wait:PT0.25S}") final Duration admissionWait,
      final ApiJson json,
      final MeterRegistry meters) {
    if (maxConcurrentWrites < 1) {
      throw new IllegalArgumentException("fulfillment.api.max-concurrent-writes must be >= 1");
    }
    final BulkheadRegistry registry =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentWrites)
                .maxWaitDuration(admissionWait)
                .fairCallHandlingStrategyEnabled(true)
                .build());
    this.bulkhead = registry.bulkhead(BULKHEAD);
    this.json = json;
    final Counter shed =
        Counter.builder("fulfillment.api.requests.shed")
            .description("API writes refused with 503 because every slot was busy")
            .register(meters);
    bulkhead.getEventPublisher().onCallRejected(rejected -> shed.increment());
    Gauge.builder(
            "fulfillment.api.writes.in.flight",
            bulkhead,
            b -> maxConcurrentWrites - b.getMetrics().getAvailableConcurrentCalls())
        .description("API writes being handled now")
        .register(meters);
    TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
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
    // waits up to admission-wait for a slot (false: none came, or the thread was interrupted)
    if (!bulkhead.tryAcquirePermission()) {
      overloaded(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      bulkhead.onComplete();
    }
  }

  private void overloaded(final HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, "1");
    json.write(
        response,
        ProblemType.OVERLOADED.problem(
            "Too many requests are being handled right now; retry after a second (with the"
                + " same Idempotency-Key, an order is never placed twice)."));
  }
}
