package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.web.StatelessChains;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The monitor page: {@code /} and {@code /monitor} redirect to {@code /monitor/}, whose files are
 * static resources ({@code static/monitor/}). The page itself is open; every data call it makes
 * goes to {@code /api/**} with the API key the user enters (the API's own security chain). The
 * page's responses carry a strict Content-Security-Policy: only this origin's files, no inline
 * scripts or styles, no plugins, no framing.
 */
@Configuration(proxyBeanMethods = false)
class MonitorConfiguration implements WebMvcConfigurer {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Override
  public void addViewControllers(final ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", "/monitor/");
    registry.addRedirectViewController("/monitor", "/monitor/");
    registry.addViewController("/monitor/").setViewName("forward:/monitor/index.html");
  }

  /** Before the API's chain (which takes every other request): the page's files, open, with CSP. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain monitorPage(final HttpSecurity http) throws Exception {
    StatelessChains.stateless(http)
        .securityMatcher("/", "/monitor", "/monitor/**")
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  /** Embedded mode: variables and taken sequence flows from the engine's records. */
  @Bean
  @ConditionalOnProperty(
      name = "fulfillment.engine.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  EngineInstances engineInstances() {
    return new EngineInstances();
  }
}
