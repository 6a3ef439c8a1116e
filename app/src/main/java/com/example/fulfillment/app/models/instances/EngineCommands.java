package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.FinalCommandStep;
import io.grpc.Status;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends an operator's command to the engine and waits for its answer, a bounded time: a refusal
 * becomes an {@link EngineRefusalException} with the engine's reason, an engine that does not
 * answer an {@link EngineUnavailableException} (503, ask again).
 */
@Component
class EngineCommands {

  /** Codes that say nothing about the command: the broker is down, slow or shedding load. */
  private static final Set<Status.Code> UNAVAILABLE =
      Set.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.CANCELLED);

  private final Duration timeout;

  EngineCommands(
      @Value("${fulfillment.orders.engine-request-timeout:PT10S}") final Duration timeout) {
    this.timeout = timeout;
  }

  <T> T send(final FinalCommandStep<T> command, final String what) {
    try {
      return command
          .requestTimeout(timeout)
          .send()
          .join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ClientStatusException e) {
      if (UNAVAILABLE.contains(e.getStatusCode())) {
        throw new EngineUnavailableException(what + " failed: " + e.getStatusCode(), e);
      }
      final String reason = e.getStatus().getDescription();
      throw new EngineRefusalException(
          e.getStatusCode().name(), (reason == null ? e.getMessage() : reason).strip(), e);
    } catch (ClientException e) {
      // no status: the request never got an answer (timeout, connection refused)
      throw new EngineUnavailableException(what + " failed: " + e.getMessage(), e);
    }
  }
}
