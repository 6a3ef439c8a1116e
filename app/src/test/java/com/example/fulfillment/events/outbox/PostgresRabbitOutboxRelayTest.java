package com.example.fulfillment.events.outbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.fulfillment.support.TestDatabase;
import java.util.Optional;

/** {@link RabbitOutboxRelayScenarios} on PostgreSQL; skipped when it is not reachable. */
class PostgresRabbitOutboxRelayTest extends RabbitOutboxRelayScenarios {

  @Override
  TestDatabase database() {
    final Optional<String> user = TestDatabase.postgresUser();
    assumeTrue(user.isPresent(),
        "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres or root, trust"
            + " auth): PostgreSQL outbox relay tests skipped");
    return TestDatabase.postgres(user.get());
  }
}
