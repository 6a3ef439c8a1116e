package com.example.fulfillment.app.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs webhook messages as a partner does (Standard Webhooks), written from the specification and
 * not with the app's code: {@code v1,} + base64(HMAC-SHA256(secret, id.timestamp.body)).
 */
public final class WebhookSigner {

  /** The local default secret (application.yaml). */
  public static final String LOCAL_SECRET = "whsec_bG9jYWwtZGV2LXdlYmhvb2stc2VjcmV0";

  private WebhookSigner() {}

  public static String signature(
      final String secret, final String id, final long timestamp, final byte[] body) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The three headers for {@code body}, signed now with the local secret under a fresh id. */
  public static Map<String, String> headers(final String body) {
    return headers(LOCAL_SECRET, "msg_" + UUID.randomUUID(), Instant.now().getEpochSecond(), body);
  }

  public static Map<String, String> headers(
      final String secret, final String id, final long timestamp, final String body) {
    final Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put(
        "webhook-signature",
        signature(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  /**
   * MockMvc: signs a request to {@code /api/events} that carries no signature yet, like a partner
   * with the local secret (the default request of {@link ApiTestConfiguration}).
   */
  public static RequestPostProcessor signed() {
    return request -> {
      if (request.getRequestURI().startsWith("/api/events")
          && request.getHeader("webhook-signature") == null) {
        final byte[] body =
            request.getContentAsByteArray() == null ? new byte[0] : request.getContentAsByteArray();
        final String id = "msg_" + UUID.randomUUID();
        final long timestamp = Instant.now().getEpochSecond();
        request.addHeader("webhook-id", id);
        request.addHeader("webhook-timestamp", Long.toString(timestamp));
        request.addHeader("webhook-signature", signature(LOCAL_SECRET, id, timestamp, body));
      }
      return request;
    };
  }

  /** MockMvc: a request to {@code /api/events} sent without the default signature. */
  public static RequestPostProcessor unsigned() {
    return request -> {
      request.removeHeader("webhook-id");
      request.removeHeader("webhook-timestamp");
      request.removeHeader("webhook-signature");
      return request;
    };
  }
}
