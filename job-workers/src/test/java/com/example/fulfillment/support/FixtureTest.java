package com.example.fulfillment.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of tests that share one migrated in-memory H2 database and a {@link Fixture} per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FixtureTest {

  protected TestDatabase db;
  protected Fixture f;

  @BeforeAll
  void createFixture() {
    db = TestDatabase.h2();
    f = new Fixture(db);
  }

  @AfterAll
  void dropDatabase() {
    db.close();
  }
}
