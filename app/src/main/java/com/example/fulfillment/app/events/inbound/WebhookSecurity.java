package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.ApiJson;
import com.example.fulfillment.app.web.ApiRateLimits;
import com.example.fulfillment.app.web.ProblemType;
import com.example.fulfillment.app.web.Refusal;
import com.example.fulfillment.app.web.Scopes;
import com.example.fulfillment.app.web.StatelessChains;
import com.example.fulfillment.app.web.WebhookProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The partner webhook's own security chain, before the API's: {@code /api/events} is reached with a
 * Standard Webhooks signature only ({@link StandardWebhooks}), never with an API key, basic or a
 * bearer token. Then, in this order: events:publish, the partner's rate limit, and the replay check
 * by {@code webhook-id}: a message id accepted before (2xx) within the window is refused with 409
 * {@code webhook-replayed} and correlates nothing. Only accepted messages are remembered, so a
 * partner's re-send after a refusal or a failure (4xx, 503) is processed: nothing is lost. Two
 * copies racing each other both pass this check; the event id (the engine's message id) still gives
 * them one effect.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain eventsWebhook(
      final HttpSecurity http,
      final WebhookProperties properties,
      final WebhookDeliveries deliveries,
      final ApiRateLimits rateLimits,
      final ApiJson json,
      final Clock clock)
      throws Exception {
    final Refusal unauthorized =
        new Refusal(
            json,
            ProblemType.UNAUTHORIZED,
            "Sign the event per Standard Webhooks: headers "
                + StandardWebhooks.ID
                + ", "
                + StandardWebhooks.TIMESTAMP
                + " and "
                + StandardWebhooks.SIGNATURE
                + " (v1,<base64 HMAC-SHA256 of id.timestamp.body>). API keys do not reach this"
                + " endpoint.",
            List.of("Signature realm=\"order-fulfillment-webhooks\""),
            true);
    final Refusal forbidden =
        new Refusal(
            json,
            ProblemType.FORBIDDEN,
            "These credentials may not publish events.",
            List.of(),
            false);
    final AuthenticationFilter signatures =
        new AuthenticationFilter(
            new ProviderManager(StandardWebhooks.provider(properties, clock)),
            StandardWebhooks.converter());
    signatures.setSuccessHandler((request, response, authentication) -> {});
    signatures.setFailureHandler(unauthorized);
    StatelessChains.stateless(http)
        .securityMatcher("/api/events", "/api/events/**")
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterAt(signatures, BasicAuthenticationFilter.class)
        .addFilterAfter(rateLimits.filter(), AuthorizationFilter.class)
        .addFilterAfter(new WebhookReplayCheck(deliveries, json), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(Scopes.EVENTS_PUBLISH));
    return http.build();
  }
}
