package com.example.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishedVersionsTest {

  @Test
  void theNewestVersionOfEveryTypeIsAlwaysPublished() {
    assertThat(PublishedVersions.LATEST_ONLY.of(OrderEventTypes.COMPLETED)).containsExactly(2);
    assertThat(PublishedVersions.LATEST_ONLY.of(OrderEventTypes.ACCEPTED)).containsExactly(1);
  }

  @Test
  void aMigrationWindowAddsTheOlderVersionOfItsTypeOnly() {
    final PublishedVersions window =
        new PublishedVersions(Set.of(" com.example.order.completed/1 "));

    assertThat(window.of(OrderEventTypes.COMPLETED)).containsExactly(1, 2);
    assertThat(window.of(OrderEventTypes.PAID)).containsExactly(1);
  }

  @Test
  void aWindowMustNameAnOlderVersionOfAPublishedType() {
    assertThatThrownBy(() -> new PublishedVersions(Set.of("com.example.order.completed/2")))
        .hasMessageContaining("not an older version of com.example.order.completed (newest: 2)");
    assertThatThrownBy(() -> new PublishedVersions(Set.of("com.example.order.completed/0")))
        .hasMessageContaining("not an older version");
    assertThatThrownBy(() -> new PublishedVersions(Set.of("com.example.payment.confirmed/1")))
        .hasMessageContaining("not <published type>/<version>");
    assertThatThrownBy(() -> new PublishedVersions(Set.of("completed")))
        .hasMessageContaining("not <published type>/<version>");
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThatThrownBy(() -> PublishedVersions.LATEST_ONLY.of("com.example.order.lost"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
