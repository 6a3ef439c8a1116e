package com.example.fulfillment.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.fulfillment.support.TestDatabase;
import java.util.Optional;

/**
 * The persistence scenarios (and so the Flyway migrations) on PostgreSQL, in a fresh schema per run
 * that is dropped afterwards. Skipped when no PostgreSQL answers at 127.0.0.1:5432 (database {@code
 * test}, user postgres or root, trust authentication).
 */
class PostgresPersistenceTest extends PersistenceScenarios {

  @Override
  TestDatabase database() {
    final Optional<String> user = TestDatabase.postgresUser();
    assumeTrue(
        user.isPresent(),
        "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres or root,"
            + " trust auth): PostgreSQL persistence tests skipped");
    return TestDatabase.postgres(user.get());
  }
}
