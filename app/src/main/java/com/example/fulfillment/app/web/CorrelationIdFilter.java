package com.example.fulfillment.app.web;

import com.example.fulfillment.common.Causation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@code X-Request-Id} (or makes one), returns it, and puts it in the logging
 * context for the whole request; it is also the {@link Causation} of what the request records.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

  /** Ids are echoed into headers and logs: accept only a safe, bounded shape. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilterInternal(
      final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    final String given = request.getHeader(CorrelationId.HEADER);
    final String id =
        given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    response.setHeader(CorrelationId.HEADER, id);
    MDC.put(CorrelationId.MDC_KEY, id);
    // what the request records (e.g. order accepted) names it as its cause
    try (var cause = Causation.open(id)) {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(CorrelationId.MDC_KEY);
    }
  }
}
