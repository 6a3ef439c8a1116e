package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.support.TestDatabase;

/**
 * {@link OutboxRelayScenarios} on PostgreSQL, in a fresh schema dropped afterwards. Skipped when no
 * PostgreSQL answers at 127.0.0.1:5432 (database {@code test}, user postgres or root, trust).
 */
class PostgresOutboxRelayTest extends OutboxRelayScenarios {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgresOrSkip("PostgreSQL outbox relay tests");
  }
}
