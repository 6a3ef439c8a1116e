package com.example.fulfillment.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limit of the API ({@code fulfillment.api.rate-limit.*}): each authenticated
 * client (API key, basic user, JWT subject, webhook partner) may send {@code limitForPeriod}
 * requests per {@code refreshPeriod}; beyond that, 429 with {@code Retry-After}.
 *
 * @param enabled false: no limit
 * @param limitForPeriod requests per period and client
 * @param refreshPeriod the period
 */
@ConfigurationProperties("fulfillment.api.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1000") int limitForPeriod,
    @DefaultValue("PT1S") Duration refreshPeriod) {

  public RateLimitProperties {
    if (limitForPeriod < 1 || refreshPeriod.isNegative() || refreshPeriod.isZero()) {
      throw new IllegalArgumentException(
          "fulfillment.api.rate-limit: limit-for-period >= 1 and refresh-period > 0");
    }
  }
}
