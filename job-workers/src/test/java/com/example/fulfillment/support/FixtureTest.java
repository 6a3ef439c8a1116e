package com.example.fulfillment.support;

/** Base of tests that share one migrated database and a {@link Fixture} per class. */
public abstract class FixtureTest extends DatabaseTest {

  protected final Fixture f = new Fixture(db);
}
