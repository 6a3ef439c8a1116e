package com.example.fulfillment.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that share one migrated database per class: made when the class is instantiated
 * (once, per-class lifecycle), so that subclasses can build on it in final fields, and dropped
 * after the last test. A database that cannot be had (an assumption, as {@link
 * TestDatabase#postgresOrSkip}) skips the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {

  protected final TestDatabase db = database();

  /**
   * The database of this class: in-memory H2 unless a subclass names another. Called once, while
   * the instance is constructed, so it must not use the subclass's fields.
   */
  protected TestDatabase database() {
    return TestDatabase.h2();
  }

  @AfterAll
  void dropDatabase() {
    db.close();
  }
}
