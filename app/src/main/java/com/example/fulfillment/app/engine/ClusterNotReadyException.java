package com.example.fulfillment.app.engine;

import java.time.Duration;

/**
 * The Camunda cluster did not answer at startup while {@code
 * fulfillment.engine.require-connection=true}. {@link ClusterNotReadyFailureAnalyzer} turns it into
 * Spring Boot's "APPLICATION FAILED TO START" report.
 */
public class ClusterNotReadyException extends RuntimeException {

  private final String grpcAddress;
  private final Duration waited;
  private final String problem;

  public ClusterNotReadyException(
      final String grpcAddress, final Duration waited, final String problem) {
    super(
        "Camunda cluster at "
            + grpcAddress
            + " not ready after "
            + waited
            + " ("
            + problem
            + "); fulfillment.engine.require-connection=true");
    this.grpcAddress = grpcAddress;
    this.waited = waited;
    this.problem = problem;
  }

  public String grpcAddress() {
    return grpcAddress;
  }

  public Duration waited() {
    return waited;
  }

  public String problem() {
    return problem;
  }
}
