package com.example.fulfillment.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Under overload, writes are shed with 503 + Retry-After instead of piling up. */
class AdmissionFilterTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AdmissionFilter filter =
      new AdmissionFilter(
          2, Duration.ofMillis(50), new ApiJson(new Jackson2ObjectMapperBuilder()), meters);
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void shedsWritesBeyondTheBulkheadAndAdmitsAgainOnceASlotFrees() throws Exception {
    final CountDownLatch entered = new CountDownLatch(2);
    final CountDownLatch release = new CountDownLatch(1);
    final jakarta.servlet.Servlet busy =
        new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(
              final jakarta.servlet.http.HttpServletRequest req,
              final jakarta.servlet.http.HttpServletResponse res) {
            entered.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            res.setStatus(202);
          }
        };
    final Future<MockHttpServletResponse> first = pool.submit(() -> post(busy));
    final Future<MockHttpServletResponse> second = pool.submit(() -> post(busy));
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    final MockHttpServletResponse shed = post(null);

    assertThat(shed.getStatus()).isEqualTo(503);
    assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
    assertThat(shed.getContentType()).isEqualTo("application/problem+json");
    assertThat(shed.getContentAsString()).contains("/problems/overloaded");
    assertThat(meters.get("fulfillment.api.requests.shed").counter().count()).isEqualTo(1);
    // reads are never shed
    final MockHttpServletResponse read = request("GET", null);
    assertThat(read.getStatus()).isEqualTo(200);

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
    assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
    assertThat(post(null).getStatus()).as("a free slot admits again").isEqualTo(200);
  }

  private MockHttpServletResponse post(final jakarta.servlet.Servlet servlet) throws Exception {
    return request("POST", servlet);
  }

  private MockHttpServletResponse request(
      final String method, final jakarta.servlet.Servlet servlet) throws Exception {
    final MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/orders");
    final MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(
        request, response, servlet == null ? new MockFilterChain() : new MockFilterChain(servlet));
    return response;
  }
}
