package com.example.fulfillment.app.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what, in Spring Security's own pieces: stateless, no CSRF (no cookies). Three ways in,
 * each granting {@link Scopes}:
 *
 * <ul>
 *   <li>{@code X-API-Key} ({@link ApiKeyAuthentication}: an {@code AuthenticationFilter} with a
 *       converter and a provider): the full key grants orders:write, orders:read and admin, the
 *       read-only key orders:read;
 *   <li>HTTP basic, users {@code api} and {@code reader} with the keys as passwords, the same
 *       scopes;
 *   <li>a JWT bearer token (OAuth2 resource server), when {@code
 *       spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set: its
 *       {@code scope}/{@code scp} claim's values are the authorities.
 * </ul>
 *
 * Open: health (details only to a client with orders:read or admin), info, the OpenAPI description,
 * Swagger UI and the event contracts (JSON Schemas, AsyncAPI). GET of the API and the other
 * actuator endpoints: orders:read. Placing and cancelling orders: orders:write. {@code
 * /api/admin/**}, incident retry and anything else: admin. {@code /api/events} has its own chain
 * (webhook signatures, events:publish only: see {@code WebhookSecurity}); no key reaches it. Every
 * authenticated client is rate limited ({@link ApiRateLimits}). Refusals are problem documents
 * (401, 403, 429).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      final HttpSecurity http,
      final SecurityProperties properties,
      final ApiJson json,
      final ApiRateLimits rateLimits,
      final ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    final JwtDecoder jwt = jwtDecoder.getIfAvailable();
    final List<String> challenges = new ArrayList<>(List.of("Basic realm=\"order-fulfillment\""));
    if (jwt != null) {
      challenges.add("Bearer");
    }
    final Refusal unauthorized =
        new Refusal(
            json,
            ProblemType.UNAUTHORIZED,
            "Send the API key in "
                + SecurityProperties.API_KEY_HEADER
                + " (or use HTTP basic"
                + (jwt != null ? ", or a bearer token" : "")
                + ").",
            challenges,
            false);
    final Refusal forbidden =
        new Refusal(
            json,
            ProblemType.FORBIDDEN,
            "These credentials may not do this (read-only key? missing scope?).",
            List.of(),
            false);
    final AuthenticationFilter apiKeys =
        new AuthenticationFilter(
            new ProviderManager(ApiKeyAuthentication.provider(properties)),
            ApiKeyAuthentication.converter());
    // success: go on with the request (the default would redirect, as after a login form)
    apiKeys.setSuccessHandler((request, response, authentication) -> {});
    apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
    // the preamble turns HTTP basic off; this chain takes it, with its own entry point
    StatelessChains.stateless(http)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
        .addFilterAfter(rateLimits.filter(), AuthorizationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/v3/api-docs.yaml",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                    .permitAll()
                    // the payment and carrier sandboxes served over HTTP (local runs only)
                    .requestMatchers("/sandbox/**")
                    .permitAll()
                    // the event contracts: a schema is public (dataschema points here)
                    .requestMatchers(HttpMethod.GET, "/schemas/events/**", "/asyncapi.yaml")
                    .permitAll()
                    // operators only, reading included (dead letters carry partners' payloads)
                    .requestMatchers("/api/admin/**")
                    .hasAuthority(Scopes.ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                    .hasAnyAuthority(Scopes.ORDERS_READ, Scopes.ADMIN)
                    .requestMatchers("/api/orders", "/api/orders/**")
                    .hasAuthority(Scopes.ORDERS_WRITE)
                    // incident retry and whatever else writes
                    .anyRequest()
                    .hasAuthority(Scopes.ADMIN));
    if (jwt != null) {
      http.oauth2ResourceServer(
          oauth2 ->
              oauth2
                  .authenticationEntryPoint(unauthorized)
                  .accessDeniedHandler(forbidden)
                  .jwt(j -> j.decoder(jwt).jwtAuthenticationConverter(scopesAsAuthorities())));
    }
    return http.build();
  }

  /** {@code scope: "orders:read admin"} → authorities orders:read, admin (no SCOPE_ prefix). */
  static JwtAuthenticationConverter scopesAsAuthorities() {
    final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    scopes.setAuthorityPrefix("");
    final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(scopes);
    return converter;
  }

  /**
   * Fails the startup with a built-in key or webhook secret beyond loopback ({@link
   * ExposedDefaultKeyCheck}). A bean factory post-processor so that it runs first: before the web
   * server, the database migration or any other bean is created.
   */
  @Bean
  static BeanFactoryPostProcessor exposedDefaultKeyCheck(final Environment environment) {
    return beanFactory -> ExposedDefaultKeyCheck.of(environment).verify();
  }

  /** HTTP basic users: {@code api} (full) and {@code reader} (read-only), passwords = the keys. */
  @Bean
  UserDetailsService apiUsers(final SecurityProperties properties) {
    return new InMemoryUserDetailsManager(
        User.withUsername(ApiKeyAuthentication.FULL_CLIENT)
            .password("{noop}" + properties.apiKey())
            .authorities(ApiKeyAuthentication.FULL)
            .build(),
        User.withUsername(ApiKeyAuthentication.READ_CLIENT)
            .password("{noop}" + properties.readOnlyApiKey())
            .authorities(ApiKeyAuthentication.READ_ONLY)
            .build());
  }
}
