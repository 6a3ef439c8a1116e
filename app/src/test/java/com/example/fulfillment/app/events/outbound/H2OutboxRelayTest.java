package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.support.TestDatabase;

/** {@link OutboxRelayScenarios} on H2 (the default database). */
class H2OutboxRelayTest extends OutboxRelayScenarios {

  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
