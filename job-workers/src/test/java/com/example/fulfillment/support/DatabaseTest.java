package com.example.fulfillment.support;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that share one migrated database per class: made when the class is instantiated
 * (once, per-class lifecycle), dropped after its last test. A database that cannot be had (an
 * assumption, as {@link TestDatabase#postgresOrSkip}) skips the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {

  protected final TestDatabase db;

  protected DatabaseTest(final Supplier<TestDatabase> database) {
    this.db = database.get();
  }

  @AfterAll
  void dropDatabase() {
    db.close();
  }
}
