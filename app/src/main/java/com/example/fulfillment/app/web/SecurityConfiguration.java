package com.example.fulfillment.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what: an API key in {@code X-API-Key} or HTTP basic, stateless, no CSRF (no cookies).
 * Open: health, info, the OpenAPI description and Swagger UI. Read (GET) access to orders and the
 * other actuator endpoints: the read-only or the full key. Everything else (placing, cancelling,
 * events) and all of {@code /api/admin} (dead letters): the full key. Refusals are problem
 * documents (401, 403).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String WRITE = "WRITE";
  static final String READ = "READ";

  @Bean
  SecurityFilterChain apiSecurity(
      final HttpSecurity http, final SecurityProperties properties, final ApiJson json)
      throws Exception {
    final Refusal unauthorized =
        new Refusal(
            json,
            ProblemType.UNAUTHORIZED,
            "Send the API key in " + SecurityProperties.API_KEY_HEADER + " (or use HTTP basic).");
    final Refusal forbidden =
        new Refusal(
            json, ProblemType.FORBIDDEN, "These credentials may not do this (read-only key?).");
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterBefore(
            new ApiKeyFilter(properties, unauthorized), BasicAuthenticationFilter.class)
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
                    // operators only, reading included (dead letters carry partners' payloads)
                    .requestMatchers("/api/admin/**")
                    .hasRole(WRITE)
                    .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                    .hasAnyRole(READ, WRITE)
                    .anyRequest()
                    .hasRole(WRITE));
    return http.build();
  }

  /**
   * Fails the startup with a built-in key beyond loopback ({@link ExposedDefaultKeyCheck}). A bean
   * factory post-processor so that it runs first: before the web server, the database migration or
   * any other bean is created.
   */
  @Bean
  static BeanFactoryPostProcessor exposedDefaultKeyCheck(final Environment environment) {
    return beanFactory -> ExposedDefaultKeyCheck.of(environment).verify();
  }

  /** HTTP basic users: {@code api} (full) and {@code reader} (read-only), passwords = the keys. */
  @Bean
  UserDetailsService apiUsers(final SecurityProperties properties) {
    return new InMemoryUserDetailsManager(
        User.withUsername("api")
            .password("{noop}" + properties.apiKey())
            .roles(WRITE, READ)
            .build(),
        User.withUsername("reader")
            .password("{noop}" + properties.readOnlyApiKey())
            .roles(READ)
            .build());
  }

  /**
   * A refused request answered with its problem document: Spring Security's hook for "who are you?"
   * (401) and for "not you" (403) alike.
   */
  record Refusal(ApiJson json, ProblemType type, String detail)
      implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(
        final HttpServletRequest request,
        final HttpServletResponse response,
        final AuthenticationException e)
        throws IOException {
      write(response);
    }

    @Override
    public void handle(
        final HttpServletRequest request,
        final HttpServletResponse response,
        final AccessDeniedException e)
        throws IOException {
      write(response);
    }

    private void write(final HttpServletResponse response) throws IOException {
      // built per request: the problem carries the request's correlation id
      final ProblemDetail problem = type.problem(detail);
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // a 401 names the scheme that would do (RFC 9110); a 403 has nothing to offer
      if (problem.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"order-fulfillment\"");
      }
      json.mapper().writeValue(response.getOutputStream(), problem);
    }
  }

  /** Authenticates {@code X-API-Key}; a wrong key is refused at once (no fall-through). */
  static final class ApiKeyFilter extends OncePerRequestFilter {

    private final byte[] fullKey;
    private final byte[] readKey;
    private final AuthenticationEntryPoint unauthorized;

    ApiKeyFilter(final SecurityProperties properties, final AuthenticationEntryPoint unauthorized) {
      this.fullKey = properties.apiKey().getBytes(StandardCharsets.UTF_8);
      this.readKey = properties.readOnlyApiKey().getBytes(StandardCharsets.UTF_8);
      this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(
        final HttpServletRequest request,
        final HttpServletResponse response,
        final FilterChain chain)
        throws ServletException, IOException {
      final String given = request.getHeader(SecurityProperties.API_KEY_HEADER);
      if (given != null) {
        final byte[] key = given.getBytes(StandardCharsets.UTF_8);
        final String role;
        final String name;
        if (MessageDigest.isEqual(key, fullKey)) {
          role = WRITE;
          name = "api";
        } else if (MessageDigest.isEqual(key, readKey)) {
          role = READ;
          name = "reader";
        } else {
          unauthorized.commence(request, response, null);
          return;
        }
        final var authorities =
            WRITE.equals(role)
                ? List.of(
                    new SimpleGrantedAuthority("ROLE_" + WRITE),
                    new SimpleGrantedAuthority("ROLE_" + READ))
                : List.of(new SimpleGrantedAuthority("ROLE_" + READ));
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
      }
      chain.doFilter(request, response);
    }
  }
}
