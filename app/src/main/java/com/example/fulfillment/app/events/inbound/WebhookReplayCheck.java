package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.ApiJson;
import com.example.fulfillment.app.web.ProblemType;
import com.example.fulfillment.app.web.WebhookProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a {@code webhook-id} accepted before; remembers the ones accepted now. */
final class WebhookReplayCheck extends OncePerRequestFilter {
  private final WebhookDeliveries deliveries;
  private final WebhookProperties properties;
  private final ApiJson json;
  private final Clock clock;

  WebhookReplayCheck(
      final WebhookDeliveries deliveries,
      final WebhookProperties properties,
      final ApiJson json,
      final Clock clock) {
    this.deliveries = deliveries;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof StandardWebhooks.Verified verified)) {
      chain.doFilter(request, response);
      return;
    }
    final String id = verified.messageId();
    if (deliveries.isKnown(id)) {
      final ProblemDetail problem =
          ProblemType.WEBHOOK_REPLAYED.problem(
              "A message with this webhook-id was accepted already; it has no second effect.");
      problem.setProperty("webhookId", id);
      json.write(response, problem);
      return;
    }
    chain.doFilter(request, response);
    final int status = response.getStatus();
    if (status >= 200 && status < 300) {
      final Instant now = clock.instant();
      // a timestamp older than twice the tolerance cannot pass the window any more
      deliveries.accepted(id, now, now.minus(properties.tolerance().multipliedBy(2)));
    }
  }
}
