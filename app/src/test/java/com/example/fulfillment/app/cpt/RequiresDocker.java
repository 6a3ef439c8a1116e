package com.example.fulfillment.app.cpt;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the annotated tests only where Testcontainers finds a Docker (or compatible) engine; skips
 * them otherwise, with that reason in the test report. Evaluated before Spring or Camunda Process
 * Test start anything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

  /** Asks Testcontainers once per test JVM. */
  final class Condition implements ExecutionCondition {

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
      return dockerAvailable()
          ? ConditionEvaluationResult.enabled("a Docker engine is available")
          : ConditionEvaluationResult.disabled(
              "no Docker engine: Camunda Process Test starts Camunda 8.8 in a container "
                  + "(run these tests where Docker runs; see docs/testing.md, 'Camunda Process Test')");
    }

    private static synchronized boolean dockerAvailable() {
      if (available == null) {
        try {
          available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
          available = false;
        }
      }
      return available;
    }
  }
}
