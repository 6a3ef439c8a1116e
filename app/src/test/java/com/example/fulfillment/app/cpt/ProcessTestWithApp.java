package com.example.fulfillment.app.cpt;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app (real job workers, domain services, in-memory H2) against a Camunda 8.8 runtime
 * that Camunda Process Test starts in Docker (image {@code camunda/camunda}, same version as the
 * client). The app runs in {@code remote} mode: CPT supplies the Camunda client, deploys nothing
 * itself ({@code ProcessModels} deploys the models for every test, as in production) and purges the
 * engine after each test. Skipped without Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RequiresDocker
@SpringBootTest(
    // a real server: the providers' HTTP adapters call the sandboxes it serves
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fulfillment.engine.mode=remote",
      "spring.datasource.url=jdbc:h2:mem:fulfillment-cpt;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "fulfillment.workers.retry-backoff.initial=PT0.1S",
      "fulfillment.workers.retry-backoff.max=PT0.5S"
    })
@CamundaSpringProcessTest
public @interface ProcessTestWithApp {}
