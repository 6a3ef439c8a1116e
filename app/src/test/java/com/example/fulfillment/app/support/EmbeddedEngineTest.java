package com.example.fulfillment.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on the in-process engine (any free port), with MockMvc. Every test class using
 * exactly this annotation shares one Spring context and so one engine: tests isolate themselves by
 * order id and process instance key, never by a fresh engine. The database is in-memory H2
 * (migrated by Flyway at startup). Every MockMvc request sends the local API key unless it sets its
 * own; the sandbox carrier is off (tests report deliveries themselves); {@link EngineFaults} can
 * make the engine unreachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    // a real server: the providers' HTTP adapters call the sandboxes it serves
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // an in-memory database per test context, not the data directory
      "spring.datasource.url=jdbc:h2:mem:fulfillment-app-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      // tests send the delivery events themselves (or wait in delivery on purpose)
      "fulfillment.sandbox.carrier.delivery-delay=0"
    })
@TestEngineSettings
@Import(ApiTestConfiguration.class)
@AutoConfigureMockMvc
@AutoConfigureObservability // metrics export (Prometheus) as in production
public @interface EmbeddedEngineTest {}
