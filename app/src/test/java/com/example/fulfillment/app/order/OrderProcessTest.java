package com.example.fulfillment.app.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderProcessTest {

  @Test
  void durationsGoToTheProcessAsIso8601() {
    assertThat(OrderProcess.iso(Duration.ofDays(3))).isEqualTo("P3D");
    assertThat(OrderProcess.iso(Duration.ofMinutes(15))).isEqualTo("PT15M");
    assertThat(OrderProcess.iso(Duration.ofHours(36))).isEqualTo("PT36H");
    assertThat(OrderProcess.iso(Duration.ZERO)).isEqualTo("PT0S");
  }
}
