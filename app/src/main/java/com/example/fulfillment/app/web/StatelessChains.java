package com.example.fulfillment.app.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every security chain of this service starts with: stateless (no session, no saved request),
 * no CSRF (no cookies), and none of the browser login machinery: no login form, no HTTP basic, no
 * logout. A chain that does take HTTP basic (the API's) configures it again after this.
 */
public final class StatelessChains {

  private StatelessChains() {}

  /** Applies the stateless preamble to {@code http}; returns it to go on configuring. */
  public static HttpSecurity stateless(final HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable());
  }
}
