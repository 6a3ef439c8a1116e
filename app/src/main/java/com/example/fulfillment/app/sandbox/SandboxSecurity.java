package com.example.fulfillment.app.sandbox;

import com.example.fulfillment.app.web.StatelessChains;
import com.example.fulfillment.providers.ProvidersConfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandboxes are a fake provider, not our API: no API key, but only from this machine (the
 * providers' HTTP adapters call them on loopback). A chain of their own, ahead of the API's.
 */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
class SandboxSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain sandboxFilterChain(final HttpSecurity http) throws Exception {
    return StatelessChains.stateless(http)
        .securityMatcher(
            ProvidersConfiguration.PAYMENT_SANDBOX + "/**",
            ProvidersConfiguration.CARRIER_SANDBOX + "/**")
        .authorizeHttpRequests(
            auth ->
                auth.anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                loopback(context.getRequest().getRemoteAddr()))))
        .build();
  }

  private static boolean loopback(final String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
