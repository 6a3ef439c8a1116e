package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.engine.EngineErrors;
import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.order.OrderProperties;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.FinalCommandStep;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends an operator's command to the engine and waits for its answer, a bounded time: a refusal
 * becomes an {@link EngineRefusalException} with the engine's reason, an engine that does not
 * answer an {@link EngineUnavailableException} (503, ask again).
 */
@Component
record EngineCommands(CamundaClient client, OrderProperties orders) {

  <T> T send(final FinalCommandStep<T> command, final String what) {
    try {
      return command
          .requestTimeout(orders.engineRequestTimeout())
          .send()
          .join(orders.engineRequestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ClientException e) {
      // no status (no answer in time, connection refused) or a status of a passing outage
      if (EngineErrors.isTransient(e) || !(e instanceof ClientStatusException status)) {
        throw new EngineUnavailableException(what + " failed: " + e.getMessage(), e);
      }
      final String reason = status.getStatus().getDescription();
      throw new EngineRefusalException(
          status.getStatusCode().name(), (reason == null ? e.getMessage() : reason).strip(), e);
    }
  }
}
