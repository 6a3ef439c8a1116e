package com.example.fulfillment.persistence;

/** The persistence scenarios on in-memory H2 (the default database, in PostgreSQL mode). */
class H2PersistenceTest extends PersistenceScenarios {}
