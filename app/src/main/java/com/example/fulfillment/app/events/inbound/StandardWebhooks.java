package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.CachedRequestBody;
import com.example.fulfillment.app.web.Scopes;
import com.example.fulfillment.app.web.WebhookProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Webhook signatures per <a href="https://www.standardwebhooks.com">Standard Webhooks</a>, as
 * Spring Security authentication: {@link #converter()} reads the headers {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated {@code
 * v1,<base64>}) and the raw body into an unauthenticated {@link Message}; {@link #provider} checks
 * the timestamp against the tolerance (replays by time) and the HMAC-SHA256 of {@code
 * id.timestamp.body} against every configured secret (rotation), in constant time. A valid
 * signature authenticates the partner with {@link Scopes#EVENTS_PUBLISH} and nothing else.
 *
 * <p>The messages of the exceptions are the 401's detail: they say what was wrong, never a secret.
 */
final class StandardWebhooks {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  /** The principal a valid signature authenticates (the rate limits' client). */
  static final String PARTNER = "webhook-partner";

  private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final int MAX_SIGNATURES = 10;

  private StandardWebhooks() {}

  /** A message as received, its signature not yet checked. */
  static final class Message extends AbstractAuthenticationToken {
    private final String id;
    private final String timestamp;
    private final String signatures;
    private final byte[] body;

    Message(final String id, final String timestamp, final String signatures, final byte[] body) {
      super(List.of());
      this.id = id;
      this.timestamp = timestamp;
      this.signatures = signatures;
      this.body = body;
    }

    @Override
    public Object getCredentials() {
      return signatures;
    }

    @Override
    public Object getPrincipal() {
      return PARTNER;
    }
  }

  /** A partner whose message was signed with one of our secrets. */
  static final class Verified extends AbstractAuthenticationToken {
    private final String messageId;

    Verified(final String messageId) {
      super(AuthorityUtils.createAuthorityList(Scopes.EVENTS_PUBLISH));
      this.messageId = messageId;
      setAuthenticated(true);
    }

    /** {@code webhook-id}: the key of the replay check. */
    String messageId() {
      return messageId;
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return PARTNER;
    }
  }

  /** No webhook header at all: null (the 401 says how to sign); some of them: a 401 naming them. */
  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      final String id = request.getHeader(ID);
      final String timestamp = request.getHeader(TIMESTAMP);
      final String signatures = request.getHeader(SIGNATURE);
      if (id == null && timestamp == null && signatures == null) {
        return null;
      }
      if (id == null || timestamp == null || signatures == null) {
        throw new BadCredentialsException(
            "A signed webhook carries all of " + ID + ", " + TIMESTAMP + " and " + SIGNATURE + ".");
      }
      return new Message(id, timestamp, signatures, CachedRequestBody.of(request));
    };
  }

  static AuthenticationProvider provider(final WebhookProperties properties, final Clock clock) {
    final List<byte[]> keys = properties.keys();
    final Duration tolerance = properties.tolerance();
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(final Authentication authentication) {
        final Message message = (Message) authentication;
        if (!MESSAGE_ID.matcher(message.id).matches()) {
          throw new BadCredentialsException(ID + " must be 1 to 200 printable characters.");
        }
        if (!SECONDS.matcher(message.timestamp).matches()) {
          throw new BadCredentialsException(TIMESTAMP + " must be Unix time in seconds.");
        }
        final Instant sent = Instant.ofEpochSecond(Long.parseLong(message.timestamp));
        final Instant now = clock.instant();
        if (sent.isBefore(now.minus(tolerance))) {
          throw new BadCredentialsException(
              TIMESTAMP + " is more than " + tolerance.toSeconds() + " s old (replay window).");
        }
        if (sent.isAfter(now.plus(tolerance))) {
          throw new BadCredentialsException(
              TIMESTAMP + " is more than " + tolerance.toSeconds() + " s in the future.");
        }
        final byte[] content = signedContent(message.id, message.timestamp, message.body);
        final List<byte[]> expected = keys.stream().map(k -> hmac(k, content)).toList();
        final String[] given = message.signatures.trim().split(" +", MAX_SIGNATURES + 1);
        boolean valid = false;
        for (int i = 0; i < Math.min(given.length, MAX_SIGNATURES); i++) {
          final byte[] signature = v1(given[i]);
          for (byte[] e : expected) {
            // no early exit: the time taken says nothing about which secret or signature matched
            valid |= signature != null && MessageDigest.isEqual(signature, e);
          }
        }
        if (!valid) {
          throw new BadCredentialsException(
              SIGNATURE + " matches none of our secrets for this id, timestamp and body.");
        }
        return new Verified(message.id);
      }

      @Override
      public boolean supports(final Class<?> type) {
        return Message.class.isAssignableFrom(type);
      }
    };
  }

  /** {@code v1,<base64>} → the signature; null for another version or a malformed one. */
  private static byte[] v1(final String entry) {
    if (!entry.startsWith("v1,")) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(entry.substring(3));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code id.timestamp.body}, the bytes that are signed. */
  static byte[] signedContent(final String id, final String timestamp, final byte[] body) {
    final byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    final byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  static byte[] hmac(final byte[] key, final byte[] content) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
