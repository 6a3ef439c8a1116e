package com.example.fulfillment.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code X-API-Key} the Spring Security way: {@link #converter()} turns the header into an
 * unauthenticated {@link Key}, for Spring Security's {@code AuthenticationFilter}; {@link
 * #provider} checks it against the configured keys in constant time and grants the client's {@link
 * Scopes}. No header: the converter answers null and the other ways in (basic, bearer) may try; a
 * wrong key fails at once (401).
 */
final class ApiKeyAuthentication {

  /** The full key's client (also the HTTP basic user name): orders and admin. */
  static final String FULL_CLIENT = "api";

  /** The read-only key's client (also the HTTP basic user name). */
  static final String READ_CLIENT = "reader";

  static final List<GrantedAuthority> FULL =
      AuthorityUtils.createAuthorityList(Scopes.ORDERS_WRITE, Scopes.ORDERS_READ, Scopes.ADMIN);
  static final List<GrantedAuthority> READ_ONLY =
      AuthorityUtils.createAuthorityList(Scopes.ORDERS_READ);

  private ApiKeyAuthentication() {}

  /** An {@code X-API-Key} as sent, not yet checked; the key is never its name. */
  static final class Key extends AbstractAuthenticationToken {
    private final String key;

    Key(final String key) {
      super(List.of());
      this.key = key;
    }

    @Override
    public Object getCredentials() {
      return key;
    }

    @Override
    public Object getPrincipal() {
      return "api-key";
    }
  }

  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      final String key = request.getHeader(SecurityProperties.API_KEY_HEADER);
      return key == null ? null : new Key(key);
    };
  }

  static AuthenticationProvider provider(final SecurityProperties keys) {
    final byte[] full = keys.apiKey().getBytes(StandardCharsets.UTF_8);
    final byte[] read = keys.readOnlyApiKey().getBytes(StandardCharsets.UTF_8);
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(final Authentication authentication) {
        final byte[] given =
            ((String) authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
        // both compared, always: the time taken says nothing about which key came close
        final boolean isFull = MessageDigest.isEqual(given, full);
        final boolean isRead = MessageDigest.isEqual(given, read);
        if (isFull) {
          return UsernamePasswordAuthenticationToken.authenticated(FULL_CLIENT, null, FULL);
        }
        if (isRead) {
          return UsernamePasswordAuthenticationToken.authenticated(READ_CLIENT, null, READ_ONLY);
        }
        throw new BadCredentialsException("unknown API key");
      }

      @Override
      public boolean supports(final Class<?> type) {
        return Key.class.isAssignableFrom(type);
      }
    };
  }
}
