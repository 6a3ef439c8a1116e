package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.app.events.RetryBackoffSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code fulfillment.events.outbox.*}).
 *
 * @param relayEnabled whether this instance publishes the outbox (every instance may: they share
 *     the work row by row)
 * @param pollInterval how often the relay looks for unpublished events
 * @param batchSize events claimed per round (at most one per order)
 * @param retryInitial wait after an event's first failed publish; then {@code × retryMultiplier},
 *     at most {@code retryMax}; an event is retried until it is published (never dropped: a later
 *     event of its order waits for it)
 * @param retention how long published events are kept before they are deleted
 * @param cleanupInterval how often published events past the retention are deleted
 * @param validate whether each event is validated against its schema before it is sent (one that
 *     violates it is held in the outbox with the reason); on by default
 * @param maxEventBytes the largest event sent, as structured JSON (larger ones are held): the
 *     inbound edge's limit, so that the app never sends what it would refuse
 */
@ConfigurationProperties("fulfillment.events.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("PT0.5S") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("PT1S") Duration retryInitial,
    @DefaultValue("2") double retryMultiplier,
    @DefaultValue("PT5M") Duration retryMax,
    @DefaultValue("P7D") Duration retention,
    @DefaultValue("PT1H") Duration cleanupInterval,
    @DefaultValue("true") boolean validate,
    @DefaultValue("65536") int maxEventBytes)
    implements RetryBackoffSettings {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("fulfillment.events.outbox.batch-size must be >= 1");
    }
  }
}
