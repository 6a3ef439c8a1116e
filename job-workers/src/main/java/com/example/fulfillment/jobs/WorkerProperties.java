package com.example.fulfillment.jobs;

import com.example.fulfillment.common.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job workers ({@code fulfillment.workers.*}).
 *
 * @param retryBackoff exponential backoff of technical failures
 */
@ConfigurationProperties("fulfillment.workers")
public record WorkerProperties(@DefaultValue RetryBackoffProperties retryBackoff) {

  /**
   * {@code fulfillment.workers.retry-backoff.*}: {@code initial} (PT1S), {@code multiplier} (2),
   * {@code max} (PT1M), {@code retries} (3, the retries a job starts with).
   */
  public record RetryBackoffProperties(
      @DefaultValue("PT1S") Duration initial,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("PT1M") Duration max,
      @DefaultValue("3") int retries) {

    /** The backoff of the n-th failure of a job (the project's one policy). */
    public Backoff toBackoff() {
      return new Backoff(initial, multiplier, max);
    }
  }
}
