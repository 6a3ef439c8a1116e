package com.example.fulfillment.app.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a failed start because the cluster was required but did not answer. */
class ClusterNotReadyFailureAnalyzer extends AbstractFailureAnalyzer<ClusterNotReadyException> {

  @Override
  protected FailureAnalysis analyze(final Throwable root, final ClusterNotReadyException cause) {
    return new FailureAnalysis(
        "The Camunda cluster at "
            + cause.grpcAddress()
            + " did not become ready within "
            + cause.waited()
            + ": "
            + cause.problem()
            + ".\n"
            + "The app was told to require it (fulfillment.engine.require-connection=true).",
        "Start the cluster (docker compose -f docker/docker-compose.yml up -d) or check "
            + "camunda.client.grpc-address and camunda.client.auth.*; raise "
            + "fulfillment.engine.connect-timeout for a slow cluster; or set "
            + "fulfillment.engine.require-connection=false to start without it (the engine is "
            + "then reported DOWN on /actuator/health and the models are deployed once it answers).",
        cause);
  }
}
