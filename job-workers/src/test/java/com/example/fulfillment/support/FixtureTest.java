package com.example.fulfillment.support;

import java.util.function.Supplier;

/**
 * Base of tests that share one migrated database and a {@link Fixture} per class (in-memory H2
 * unless a subclass names another). The fixture exists from construction on, so that subclasses can
 * build what they test in final fields.
 */
public abstract class FixtureTest extends DatabaseTest {

  protected final Fixture f = new Fixture(db);

  protected FixtureTest() {
    this(TestDatabase::h2);
  }

  protected FixtureTest(final Supplier<TestDatabase> database) {
    super(database);
  }
}
