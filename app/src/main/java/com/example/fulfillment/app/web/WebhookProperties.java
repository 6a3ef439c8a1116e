package com.example.fulfillment.app.web;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partners sign {@code POST /api/events} ({@code fulfillment.security.webhook.*}), per <a
 * href="https://www.standardwebhooks.com">Standard Webhooks</a>: HMAC-SHA256 over {@code
 * id.timestamp.body}. The default secret is for a local run only (refused beyond loopback, {@link
 * ExposedDefaultKeyCheck}).
 *
 * @param secrets the accepted secrets, {@code whsec_<base64>}; more than one while a partner
 *     rotates (a signature by any of them is accepted)
 * @param tolerance how far {@code webhook-timestamp} may be from now, either way (replay window)
 */
@ConfigurationProperties("fulfillment.security.webhook")
public record WebhookProperties(
    @DefaultValue(WebhookProperties.DEFAULT_SECRET) List<String> secrets,
    @DefaultValue("PT5M") Duration tolerance) {

  /** Built-in, published with the code: {@code whsec_} + base64("local-dev-webhook-secret"). */
  public static final String DEFAULT_SECRET = "whsec_bG9jYWwtZGV2LXdlYmhvb2stc2VjcmV0";

  static final String PREFIX = "whsec_";

  public WebhookProperties {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    for (String secret : secrets) {
      key(secret); // fail the startup on a malformed secret, not the first delivery
    }
    if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("fulfillment.security.webhook.tolerance must be > 0");
    }
  }

  /** Without the secrets (records holding these settings print them). */
  @Override
  public String toString() {
    return "WebhookProperties[secrets=" + secrets.size() + " hidden, tolerance=" + tolerance + "]";
  }

  /** The HMAC keys of {@link #secrets}, in order. */
  public List<byte[]> keys() {
    return secrets.stream().map(WebhookProperties::key).toList();
  }

  private static byte[] key(final String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "fulfillment.security.webhook.secrets: every secret is whsec_<base64>");
    }
    final byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fulfillment.security.webhook.secrets: the part after whsec_ is not base64", e);
    }
    if (key.length < 16) {
      throw new IllegalArgumentException(
          "fulfillment.security.webhook.secrets: a secret needs at least 16 bytes");
    }
    return key;
  }
}
