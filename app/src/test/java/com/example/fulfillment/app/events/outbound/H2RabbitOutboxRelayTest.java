package com.example.fulfillment.app.events.outbound;

/** {@link RabbitOutboxRelayScenarios} on H2. */
class H2RabbitOutboxRelayTest extends RabbitOutboxRelayScenarios {}
