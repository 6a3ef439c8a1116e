package com.example.fulfillment.persistence;

import com.example.fulfillment.support.TestDatabase;

/** The persistence scenarios on in-memory H2 (the default database, in PostgreSQL mode). */
class H2PersistenceTest extends PersistenceScenarios {

  H2PersistenceTest() {
    super(TestDatabase::h2);
  }
}
