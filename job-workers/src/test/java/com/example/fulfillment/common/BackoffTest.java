package com.example.fulfillment.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void waitsGrowByTheMultiplierUpToTheMaximum() {
    final Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

    assertThat(backoff.after(1)).as("1st failure").isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(2)).as("2nd failure").isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(3)).as("3rd failure").isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(4)).as("4th failure, capped").isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(40)).as("far beyond").isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(0))
        .as("no failure yet counts as the first")
        .isEqualTo(backoff.after(1));
  }

  @Test
  void resilience4jRetriesWaitTheSameSteps() {
    final Backoff backoff = new Backoff(Duration.ofMillis(200), 3.0, Duration.ofSeconds(1));

    assertThat(backoff.intervals().apply(1)).isEqualTo(200L);
    assertThat(backoff.intervals().apply(2)).isEqualTo(600L);
    assertThat(backoff.intervals().apply(3)).isEqualTo(1000L);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2.0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
