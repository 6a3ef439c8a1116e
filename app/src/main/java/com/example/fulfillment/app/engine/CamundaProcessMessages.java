package com.example.fulfillment.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link ProcessMessages} through the Camunda client (gRPC), for both engine modes. */
@Component
class CamundaProcessMessages implements ProcessMessages {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaProcessMessages.class);

  /** Codes that mean "not now": the broker is down, slow or shedding load. */
  private static final Set<Status.Code> UNAVAILABLE =
      Set.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.CANCELLED);

  private final CamundaClient client;
  private final Duration timeout;

  CamundaProcessMessages(
      final CamundaClient client,
      @Value("${fulfillment.orders.engine-request-timeout:PT10S}") final Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public boolean publish(final Message message) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(message.name())
          .correlationKey(message.correlationKey())
          .messageId(message.messageId())
          .timeToLive(message.timeToLive())
          .variables(message.variables())
          .requestTimeout(timeout)
          .send()
          .join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        LOG.debug("Message {} {} was published before", message.name(), message.messageId());
        return false;
      }
      if (UNAVAILABLE.contains(e.getStatusCode())) {
        throw new EngineUnavailableException(
            "publishing " + message.name() + " failed: " + e.getStatusCode(), e);
      }
      throw e;
    } catch (ClientException e) {
      // no status: the request never got an answer (timeout, connection refused)
      throw new EngineUnavailableException(
          "publishing " + message.name() + " failed: " + e.getMessage(), e);
    }
  }
}
