package com.example.fulfillment.app.web;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Refuses to start with a built-in API key when the HTTP API listens beyond loopback.
 *
 * <p>Why: {@code local-dev-key} and {@code local-read-key} are published with the code, so they
 * protect nothing once other machines can connect. They stay usable on loopback, where {@code
 * application.yaml} puts the app by default ({@code server.address: 127.0.0.1}); an unset {@code
 * server.address} means all interfaces in Spring Boot, and the Docker image sets {@code 0.0.0.0}. A
 * blank key is refused as well: an empty {@code X-API-Key} header would match it.
 *
 * <p>The exception is Boot's {@link InvalidConfigurationPropertyValueException}, whose failure
 * analyzer prints the property, where its value came from and the reason (APPLICATION FAILED TO
 * START) instead of a stack trace. Run by {@link SecurityConfiguration#exposedDefaultKeyCheck},
 * before the web server or the database are set up.
 *
 * @param serverAddress {@code server.address}; null when unset (all interfaces)
 * @param keys the configured keys
 * @param webhookSecrets the configured webhook secrets ({@link WebhookProperties}): the built-in
 *     one is refused as well, and so is none at all
 */
record ExposedDefaultKeyCheck(
    InetAddress serverAddress, SecurityProperties keys, List<String> webhookSecrets) {

  static final String API_KEY_PROPERTY = "fulfillment.security.api-key";
  static final String READ_ONLY_API_KEY_PROPERTY = "fulfillment.security.read-only-api-key";
  static final String WEBHOOK_SECRETS_PROPERTY = "fulfillment.security.webhook.secrets";

  private static final Set<String> BUILT_IN =
      Set.of(
          SecurityProperties.DEFAULT_API_KEY,
          SecurityProperties.DEFAULT_READ_ONLY_API_KEY,
          WebhookProperties.DEFAULT_SECRET);

  /** A check of the keys alone: the webhook secret set to one of your own. */
  ExposedDefaultKeyCheck(final InetAddress serverAddress, final SecurityProperties keys) {
    this(serverAddress, keys, List.of("whsec_own"));
  }

  /** Binds {@code server.address} and {@code fulfillment.security.*} as the app will. */
  static ExposedDefaultKeyCheck of(final Environment environment) {
    final Binder binder = Binder.get(environment);
    return new ExposedDefaultKeyCheck(
        binder.bind("server.address", InetAddress.class).orElse(null),
        binder.bindOrCreate("fulfillment.security", SecurityProperties.class),
        // bound as strings: a malformed secret is WebhookProperties' own error, reported later
        binder
            .bind(WEBHOOK_SECRETS_PROPERTY, Bindable.listOf(String.class))
            .orElse(List.of(WebhookProperties.DEFAULT_SECRET)));
  }

  /**
   * @return this, when the app listens on loopback only or every key is one of your own
   * @throws InvalidConfigurationPropertyValueException naming the first key to set
   */
  ExposedDefaultKeyCheck verify() {
    if (serverAddress != null && serverAddress.isLoopbackAddress()) {
      return this;
    }
    refuse(API_KEY_PROPERTY, "FULFILLMENT_SECURITY_API_KEY", keys.apiKey());
    refuse(
        READ_ONLY_API_KEY_PROPERTY,
        "FULFILLMENT_SECURITY_READ_ONLY_API_KEY",
        keys.readOnlyApiKey());
    if (webhookSecrets.isEmpty()) {
      refuse(WEBHOOK_SECRETS_PROPERTY, "FULFILLMENT_SECURITY_WEBHOOK_SECRETS", null);
    }
    for (String secret : webhookSecrets) {
      refuse(WEBHOOK_SECRETS_PROPERTY, "FULFILLMENT_SECURITY_WEBHOOK_SECRETS", secret);
    }
    return this;
  }

  private void refuse(final String property, final String variable, final String value) {
    if (value != null && !value.isBlank() && !BUILT_IN.contains(value)) {
      return;
    }
    final String listening =
        serverAddress == null
            ? "on all interfaces (server.address is not set)"
            : "on " + serverAddress.getHostAddress() + " (server.address)";
    throw new InvalidConfigurationPropertyValueException(
        property,
        value,
        "The API listens "
            + listening
            + ", beyond loopback, and "
            + property
            + (value == null || value.isBlank()
                ? " is blank"
                : " is a built-in default key, published with the code")
            + ". Set "
            + property
            + " (environment variable "
            + variable
            + "; for docker/docker-compose.yml in docker/.env) to a secret of your own, or bind"
            + " the API to loopback with server.address=127.0.0.1.");
  }
}
