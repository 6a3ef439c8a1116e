package com.example.fulfillment.app.events.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.app.events.EventProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code dataschema}: the configured base wins; else the app's own URL from its server settings.
 */
class DataSchemasTest {

  private static EventProperties base(final String dataschemaBase) {
    return new EventProperties(
        Duration.ofHours(1),
        Duration.ofDays(7),
        Duration.ofHours(1),
        EventProperties.Transport.LOG,
        EventProperties.DEFAULT_SOURCE,
        dataschemaBase);
  }

  @Test
  void theConfiguredBaseIsUsedAsIsWithOrWithoutATrailingSlash() {
    final var environment = new MockEnvironment().withProperty("server.port", "9999");
    for (String base :
        new String[] {"https://fulfillment.example.com", "https://fulfillment.example.com/"}) {
      assertThat(new DataSchemas(base(base), environment).dataSchema("com.example.order.paid", 1))
          .isEqualTo(
              URI.create(
                  "https://fulfillment.example.com/schemas/events/com.example.order.paid/1"));
    }
  }

  @Test
  void withoutOneItIsTheAppsOwnUrl() {
    assertThat(new DataSchemas(base(""), new MockEnvironment()).base())
        .isEqualTo(URI.create("http://localhost:8080"));
    final var behindTls =
        new MockEnvironment()
            .withProperty("server.address", "0.0.0.0")
            .withProperty("server.port", "8443")
            .withProperty("server.ssl.enabled", "true")
            .withProperty("server.servlet.context-path", "/fulfillment");
    assertThat(new DataSchemas(base(" "), behindTls).dataSchema("com.example.payment.confirmed", 2))
        .isEqualTo(
            URI.create(
                "https://localhost:8443/fulfillment/schemas/events/com.example.payment.confirmed/2"));
  }

  @Test
  void aTypeThatIsNoTypeIsRefused() {
    final DataSchemas schemas = new DataSchemas(base(""), new MockEnvironment());
    assertThatThrownBy(() -> schemas.dataSchema("../../etc", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schemas.dataSchema("com.example.order.paid", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
