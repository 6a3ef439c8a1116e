package com.example.fulfillment.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void waitsDoubleWithEachFailureUpToTheMaximum() {
    final RetryBackoff backoff =
        new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), 5);

    assertThat(backoff.after(5)).as("1st failure").isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(4)).as("2nd failure").isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(3)).as("3rd failure").isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(2)).as("4th failure, capped").isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(7))
        .as("more retries than configured")
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theDefaultsAreOneSecondDoublingToAMinute() {
    assertThat(RetryBackoff.DEFAULT.after(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryBackoff.DEFAULT.after(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 20).after(1))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
