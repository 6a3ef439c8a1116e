package com.example.fulfillment.app.events.outbound;

/** {@link OutboxRelayScenarios} on H2 (the default database). */
class H2OutboxRelayTest extends OutboxRelayScenarios {}
