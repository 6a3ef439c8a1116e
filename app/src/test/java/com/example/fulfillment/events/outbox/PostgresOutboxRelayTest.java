package com.example.fulfillment.events.outbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.fulfillment.support.TestDatabase;
import java.util.Optional;

/**
 * {@link OutboxRelayScenarios} on PostgreSQL, in a fresh schema dropped afterwards. Skipped when
 * no PostgreSQL answers at 127.0.0.1:5432 (database {@code test}, user postgres or root, trust).
 */
class PostgresOutboxRelayTest extends OutboxRelayScenarios {

  @Override
  TestDatabase database() {
    final Optional<String> user = TestDatabase.postgresUser();
    assumeTrue(user.isPresent(),
        "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres or root, trust"
            + " auth): PostgreSQL outbox relay tests skipped");
    return TestDatabase.postgres(user.get());
  }
}
