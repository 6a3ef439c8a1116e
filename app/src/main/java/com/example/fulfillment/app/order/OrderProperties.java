package com.example.fulfillment.app.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order intake ({@code fulfillment.orders.*}).
 *
 * @param startMessageTtl how long the engine keeps an order's first start message, which is also
 *     how long it refuses a re-sent start (same message id) as a duplicate; later re-sends go out
 *     with no time to live, so they can never start a second instance after the first one ends
 * @param engineRequestTimeout how long to wait for the engine to accept a command
 * @param awaitInstanceKey how long {@code POST /api/orders} waits to report the process instance
 *     key before answering without it
 * @param paymentConfirmationTimeout process variable {@code paymentConfirmationTimeout}: how long a
 *     payment may wait for the customer's confirmation
 * @param deliverySla process variable {@code deliverySla}: when a delivery counts as late
 * @param cancelMessageTtl how long a cancellation waits in the engine for an instance that does not
 *     listen yet (e.g. is being started)
 * @param startRetryInterval how often orders accepted without a started process (engine was down)
 *     are started again (positive)
 * @param startRetryAfter how old such an order must be before it is started again
 * @param restartOnStartup start the processes of unfinished orders again when the engine has lost
 *     them: at every start with the embedded engine, after a restart of the development engine (see
 *     {@code EngineStateWatch})
 */
@ConfigurationProperties("fulfillment.orders")
public record OrderProperties(
    @DefaultValue("PT10M") Duration startMessageTtl,
    @DefaultValue("PT10S") Duration engineRequestTimeout,
    @DefaultValue("PT2S") Duration awaitInstanceKey,
    @DefaultValue("PT15M") Duration paymentConfirmationTimeout,
    @DefaultValue("P3D") Duration deliverySla,
    @DefaultValue("PT1H") Duration cancelMessageTtl,
    @DefaultValue("PT1M") Duration startRetryInterval,
    @DefaultValue("PT1M") Duration startRetryAfter,
    @DefaultValue("true") boolean restartOnStartup) {}
