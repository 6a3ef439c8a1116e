package com.example.fulfillment.app.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.app.support.WebhookSigner;
import com.example.fulfillment.app.web.Scopes;
import com.example.fulfillment.app.web.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;

/** The signature check alone, no Spring context: secret rotation, versions, the window edges. */
class StandardWebhooksTest {

  static final String OLD = WebhookSigner.LOCAL_SECRET;
  static final String NEW =
      "whsec_" + Base64.getEncoder().encodeToString("the-new-secret-after-rotation".getBytes());
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final String BODY = "{\"id\": \"evt-1\"}";

  final AuthenticationProvider provider =
      StandardWebhooks.provider(
          new WebhookProperties(List.of(NEW, OLD), Duration.ofMinutes(5)),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private StandardWebhooks.Message message(final long timestamp, final String signatures) {
    return new StandardWebhooks.Message(
        "msg_1", Long.toString(timestamp), signatures, BODY.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(final String secret, final long timestamp) {
    return WebhookSigner.signature(
        secret, "msg_1", timestamp, BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void duringRotationEitherSecretIsAcceptedAndGrantsEventsPublishOnly() {
    final long t = NOW.getEpochSecond();
    for (String secret : List.of(OLD, NEW)) {
      final var verified = provider.authenticate(message(t, sign(secret, t)));
      assertThat(verified.isAuthenticated()).isTrue();
      assertThat(verified.getAuthorities())
          .extracting(GrantedAuthority::getAuthority)
          .containsExactly(Scopes.EVENTS_PUBLISH);
    }
    // a sender signing with both during its own rotation: one matching entry is enough
    final String other =
        "whsec_" + Base64.getEncoder().encodeToString("somebody-elses-secret!!".getBytes());
    assertThat(
            provider
                .authenticate(message(t, sign(other, t) + " " + sign(NEW, t)))
                .isAuthenticated())
        .isTrue();
  }

  @Test
  void anotherSecretAnotherVersionOrTheWindowsEdgeDecide() {
    final long t = NOW.getEpochSecond();
    final String other =
        "whsec_" + Base64.getEncoder().encodeToString("somebody-elses-secret!!".getBytes());
    assertThatThrownBy(() -> provider.authenticate(message(t, sign(other, t))))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(message(t, sign(NEW, t).replace("v1,", "v2,"))))
        .isInstanceOf(BadCredentialsException.class);
    // exactly at the tolerance: accepted; one second beyond, either way: refused
    final long edge = t - 300;
    assertThat(provider.authenticate(message(edge, sign(NEW, edge))).isAuthenticated()).isTrue();
    assertThatThrownBy(() -> provider.authenticate(message(edge - 1, sign(NEW, edge - 1))))
        .hasMessageContaining("old");
    assertThatThrownBy(() -> provider.authenticate(message(t + 301, sign(NEW, t + 301))))
        .hasMessageContaining("future");
    assertThatThrownBy(() -> provider.authenticate(message(t, "v1,not-base64!")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aMalformedSecretFailsTheStartup() {
    assertThatThrownBy(() -> new WebhookProperties(List.of("plain"), Duration.ofMinutes(5)))
        .hasMessageContaining("whsec_");
  }
}
