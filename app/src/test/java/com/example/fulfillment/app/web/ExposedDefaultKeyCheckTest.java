package com.example.fulfillment.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The built-in API keys are refused once the API listens beyond loopback. No Spring context. */
class ExposedDefaultKeyCheckTest {

  private static final SecurityProperties DEFAULT_KEYS =
      new SecurityProperties(
          SecurityProperties.DEFAULT_API_KEY, SecurityProperties.DEFAULT_READ_ONLY_API_KEY);
  private static final SecurityProperties OWN_KEYS =
      new SecurityProperties("s3cret-write", "s3cret-read");

  @Test
  void loopbackWithTheDefaultKeysStarts() throws Exception {
    assertThat(check("127.0.0.1", DEFAULT_KEYS).verify()).isNotNull();
    assertThat(check("::1", DEFAULT_KEYS).verify()).isNotNull();
  }

  @Test
  void allInterfacesWithTheDefaultKeyFailsNamingTheProperty() throws Exception {
    assertThatThrownBy(() -> check("0.0.0.0", DEFAULT_KEYS).verify())
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .hasMessageContaining("fulfillment.security.api-key")
        .hasMessageContaining("FULFILLMENT_SECURITY_API_KEY")
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("built-in default key");
  }

  @Test
  void allInterfacesWithOwnKeysStarts() throws Exception {
    assertThat(check("0.0.0.0", OWN_KEYS).verify()).isNotNull();
  }

  @Test
  void unsetServerAddressMeansAllInterfaces() {
    assertThatThrownBy(() -> new ExposedDefaultKeyCheck(null, DEFAULT_KEYS).verify())
        .hasMessageContaining("all interfaces");
    assertThat(new ExposedDefaultKeyCheck(null, OWN_KEYS).verify()).isNotNull();
  }

  @Test
  void aDefaultReadOnlyKeyOrABlankKeyIsRefusedToo() throws Exception {
    assertThatThrownBy(
            () ->
                check("0.0.0.0", new SecurityProperties("s3cret-write", "local-read-key")).verify())
        .hasMessageContaining("fulfillment.security.read-only-api-key")
        .hasMessageContaining("FULFILLMENT_SECURITY_READ_ONLY_API_KEY");
    // the other built-in key in the wrong place is still a known key
    assertThatThrownBy(
            () ->
                check("10.0.0.5", new SecurityProperties("local-read-key", "s3cret-read")).verify())
        .hasMessageContaining("fulfillment.security.api-key");
    assertThatThrownBy(() -> check("0.0.0.0", new SecurityProperties(" ", "s3cret-read")).verify())
        .hasMessageContaining("fulfillment.security.api-key is blank");
  }

  @Test
  void bindsAddressAndKeysFromTheEnvironmentWithTheBuiltInDefaults() {
    final var loopback = new MockEnvironment().withProperty("server.address", "127.0.0.1");
    final var check = ExposedDefaultKeyCheck.of(loopback).verify();
    assertThat(check.serverAddress().isLoopbackAddress()).isTrue();
    assertThat(check.keys()).isEqualTo(DEFAULT_KEYS);
    assertThatThrownBy(() -> ExposedDefaultKeyCheck.of(new MockEnvironment()).verify())
        .hasMessageContaining("all interfaces")
        .hasMessageContaining("fulfillment.security.api-key");
  }

  @Test
  void takesTheEnvironmentVariablesDockerComposePasses() {
    // the names in docker/docker-compose.yml and the README, bound through Boot's relaxed binding
    final var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                    "SERVER_ADDRESS",
                    "0.0.0.0",
                    "FULFILLMENT_SECURITY_API_KEY",
                    "s3cret-write",
                    "FULFILLMENT_SECURITY_READ_ONLY_API_KEY",
                    "s3cret-read",
                    "FULFILLMENT_SECURITY_WEBHOOK_SECRETS",
                    "whsec_b3duLW9uZS1vbGQ=,whsec_b3duLW9uZS1uZXc=")));
    final var check = ExposedDefaultKeyCheck.of(environment).verify();
    assertThat(check.serverAddress().isAnyLocalAddress()).isTrue();
    assertThat(check.keys()).isEqualTo(OWN_KEYS);
    assertThat(check.webhookSecrets()).hasSize(2);
  }

  @Test
  void theBuiltInWebhookSecretOrNoneIsRefusedBeyondLoopback() throws Exception {
    final InetAddress all = InetAddress.getByName("0.0.0.0");
    assertThatThrownBy(
            () ->
                new ExposedDefaultKeyCheck(
                        all,
                        OWN_KEYS,
                        List.of("whsec_b3duLW9uZQ==", WebhookProperties.DEFAULT_SECRET))
                    .verify())
        .hasMessageContaining("fulfillment.security.webhook.secrets")
        .hasMessageContaining("FULFILLMENT_SECURITY_WEBHOOK_SECRETS");
    assertThatThrownBy(() -> new ExposedDefaultKeyCheck(all, OWN_KEYS, List.of()).verify())
        .hasMessageContaining("is blank");
    // on loopback the built-in secret is fine (the local default run)
    assertThat(
            new ExposedDefaultKeyCheck(
                    InetAddress.getByName("127.0.0.1"),
                    OWN_KEYS,
                    List.of(WebhookProperties.DEFAULT_SECRET))
                .verify())
        .isNotNull();
  }

  private static ExposedDefaultKeyCheck check(final String address, final SecurityProperties keys)
      throws Exception {
    return new ExposedDefaultKeyCheck(InetAddress.getByName(address), keys);
  }
}
