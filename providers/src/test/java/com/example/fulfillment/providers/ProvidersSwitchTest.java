package com.example.fulfillment.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code fulfillment.providers.enabled}: the HTTP providers are on unless switched off. */
class ProvidersSwitchTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(ProvidersConfiguration.class);

  @Test
  void onWhenNotSet() {
    context.run(c -> assertThat(c).hasSingleBean(HttpPaymentProvider.class));
  }

  @Test
  void onWhenTrue() {
    context
        .withPropertyValues("fulfillment.providers.enabled=true")
        .run(c -> assertThat(c).hasSingleBean(HttpCarrier.class));
  }

  @Test
  void offWhenFalse() {
    context
        .withPropertyValues("fulfillment.providers.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(HttpPaymentProvider.class));
  }
}
