package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.support.TestDatabase;

/** {@link RabbitOutboxRelayScenarios} on H2. */
class H2RabbitOutboxRelayTest extends RabbitOutboxRelayScenarios {

  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
