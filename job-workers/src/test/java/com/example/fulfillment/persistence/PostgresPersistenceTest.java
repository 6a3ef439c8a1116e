package com.example.fulfillment.persistence;

import com.example.fulfillment.support.TestDatabase;

/**
 * The persistence scenarios (and so the Flyway migrations) on PostgreSQL, in a fresh schema per run
 * that is dropped afterwards. Skipped when no PostgreSQL answers at 127.0.0.1:5432 (database {@code
 * test}, user postgres or root, trust authentication).
 */
class PostgresPersistenceTest extends PersistenceScenarios {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgresOrSkip("PostgreSQL persistence tests");
  }
}
