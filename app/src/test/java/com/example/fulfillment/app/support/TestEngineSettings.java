package com.example.fulfillment.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded engine and the job workers as the tests of the whole app want them: the engine on
 * any free port with its whole log kept (tests read its record stream), job failures retried within
 * half a second, and {@code POST /api/orders} waiting up to 5 s for the instance key. For the test
 * annotations and classes that start the app ({@link EmbeddedEngineTest}, the fault suite, the
 * RabbitMQ tests); they add what is theirs with {@code @SpringBootTest(properties = ...)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
    properties = {
      "fulfillment.engine.embedded.port=0",
      // keep the whole log: tests read the engine's record stream
      "fulfillment.engine.embedded.trim-log=false",
      "fulfillment.workers.retry-backoff.initial=PT0.1S",
      "fulfillment.workers.retry-backoff.max=PT0.5S",
      "fulfillment.orders.await-instance-key=PT5S",
      // tok_outage orders open the payment breaker: tests wait half a second, not ten
      "fulfillment.providers.payment.circuit-breaker.wait-duration-in-open-state=PT0.5S"
    })
public @interface TestEngineSettings {}
