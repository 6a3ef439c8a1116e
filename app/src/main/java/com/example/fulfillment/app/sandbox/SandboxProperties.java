package com.example.fulfillment.app.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandboxes the app serves for local runs ({@code fulfillment.sandbox.*}; whether they are
 * served at all is {@link SandboxEnabled}'s {@code fulfillment.sandbox.enabled}).
 *
 * @param carrier the simulated carrier
 * @param payment the payment provider's sandbox
 */
@ConfigurationProperties("fulfillment.sandbox")
public record SandboxProperties(@DefaultValue Carrier carrier, @DefaultValue Payment payment) {

  /**
   * @param deliveryDelay how long after a delivery is scheduled the carrier reports it (zero or
   *     less: never)
   */
  public record Carrier(@DefaultValue("PT3S") Duration deliveryDelay) {}

  /**
   * @param slowAnswer how late the first charge of token {@code tok_slow} is answered (beyond the
   *     client's read timeout)
   */
  public record Payment(@DefaultValue("PT6S") Duration slowAnswer) {}
}
