package com.example.fulfillment.app.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits: one resilience4j {@link RateLimiter} per authenticated principal, from a
 * registry of its own ({@link RateLimitProperties}). Its {@link #filter()} goes into a security
 * chain after authorization, so that only a client who may call the endpoint uses up its own
 * permits (an unknown caller is refused with 401 before, and cannot exhaust anyone's budget).
 *
 * <p>Not a {@code Filter} bean itself: Spring Boot would register that for every request, outside
 * the security chains, where nobody is authenticated yet.
 */
@Component
public class ApiRateLimits {

  private final RateLimiterRegistry registry;
  private final boolean enabled;
  private final String retryAfter;
  private final ApiJson json;

  ApiRateLimits(final RateLimitProperties properties, final ApiJson json) {
    this.enabled = properties.enabled();
    this.registry =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(properties.limitForPeriod())
                .limitRefreshPeriod(properties.refreshPeriod())
                // refuse at once: a waiting request would hold a Tomcat thread
                .timeoutDuration(Duration.ZERO)
                .build());
    // the longest a refused client waits for its next permit, in whole seconds (at least 1)
    this.retryAfter =
        Long.toString(Math.max(1, (properties.refreshPeriod().toMillis() + 999) / 1000));
    this.json = json;
  }

  /** The rate limiter of a client (by principal name). */
  public RateLimiter of(final String principal) {
    return registry.rateLimiter(principal);
  }

  /** The filter to add after {@code AuthorizationFilter}. */
  public Filter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          final HttpServletRequest request,
          final HttpServletResponse response,
          final FilterChain chain)
          throws ServletException, IOException {
        final Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (!enabled
            || who == null
            || !who.isAuthenticated()
            || who instanceof AnonymousAuthenticationToken
            || of(who.getName()).acquirePermission()) {
          chain.doFilter(request, response);
          return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        json.write(
            response,
            ProblemType.TOO_MANY_REQUESTS.problem(
                "This client sent more requests than its rate limit allows; retry after "
                    + retryAfter
                    + " s."));
      }
    };
  }
}
