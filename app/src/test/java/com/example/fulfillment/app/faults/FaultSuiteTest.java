package com.example.fulfillment.app.faults;

import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.TestEngineSettings;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on the in-process engine, with job handling that can be told to misbehave ({@link
 * Faults}) and the sandbox carrier on (deliveries reported 1 s after scheduling). All fault tests
 * share this one context; each waits until its orders have ended, so the invariants they check
 * afterwards are about their own orders.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    // a real server: the providers' HTTP adapters call the sandboxes it serves
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fulfillment-fault-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "fulfillment.sandbox.carrier.delivery-delay=PT1S",
      "fulfillment.api.max-concurrent-writes=64",
      // a stalled charge is given up by the engine after 2 s and handed out again
      "camunda.client.worker.override.charge-payment.timeout=PT2S"
    })
@TestEngineSettings
@Import({ApiTestConfiguration.class, FaultInjection.class})
@AutoConfigureMockMvc
public @interface FaultSuiteTest {}
