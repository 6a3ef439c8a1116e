package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.support.TestDatabase;

/** {@link RabbitOutboxRelayScenarios} on PostgreSQL; skipped when it is not reachable. */
class PostgresRabbitOutboxRelayTest extends RabbitOutboxRelayScenarios {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgresOrSkip("PostgreSQL outbox relay tests");
  }
}
