package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.ApiJson;
import com.example.fulfillment.app.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a {@code webhook-id} accepted before; remembers the ones accepted now. */
final class WebhookReplayCheck extends OncePerRequestFilter {
  private final WebhookDeliveries deliveries;
  private final ApiJson json;

  WebhookReplayCheck(final WebhookDeliveries deliveries, final ApiJson json) {
    this.deliveries = deliveries;
    this.json = json;
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
      deliveries.accepted(id);
    }
  }
}
