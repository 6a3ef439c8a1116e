package com.example.fulfillment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.order.OrderEventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code fulfillment.events.migration-window} as an operator may write it. */
class MigrationWindowPropertyTest {

  @Test
  void commaSeparatedOrAsAYamlListOpensTheWindow() {
    final MockEnvironment commas =
        new MockEnvironment()
            .withProperty(DomainConfiguration.MIGRATION_WINDOW, "com.example.order.completed/1");
    final MockEnvironment yamlList =
        new MockEnvironment()
            .withProperty(
                DomainConfiguration.MIGRATION_WINDOW + "[0]", "com.example.order.completed/1");

    assertThat(DomainConfiguration.publishedVersions(commas).of(OrderEventTypes.COMPLETED))
        .containsExactly(1, 2);
    assertThat(DomainConfiguration.publishedVersions(yamlList).of(OrderEventTypes.COMPLETED))
        .containsExactly(1, 2);
  }

  @Test
  void emptyOrUnsetClosesItTheNewestVersionOnly() {
    final MockEnvironment empty =
        new MockEnvironment().withProperty(DomainConfiguration.MIGRATION_WINDOW, "");

    assertThat(DomainConfiguration.publishedVersions(empty).of(OrderEventTypes.COMPLETED))
        .containsExactly(2);
    assertThat(
            DomainConfiguration.publishedVersions(new MockEnvironment())
                .of(OrderEventTypes.COMPLETED))
        .containsExactly(2);
  }

  @Test
  void aWrongEntryStopsTheStart() {
    final MockEnvironment wrong =
        new MockEnvironment()
            .withProperty(DomainConfiguration.MIGRATION_WINDOW, "com.example.order.completed/2");

    assertThatThrownBy(() -> DomainConfiguration.publishedVersions(wrong))
        .hasMessageContaining("not an older version");
  }
}
