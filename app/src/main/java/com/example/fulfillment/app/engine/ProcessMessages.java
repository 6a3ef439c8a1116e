package com.example.fulfillment.app.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Port: publishes BPMN messages to the process engine, embedded or remote. Every message the app
 * sends (order start, cancellation, CloudEvents) goes through here.
 */
public interface ProcessMessages {

  /**
   * Publishes {@code message}.
   *
   * @return true if the engine took it; false if it holds a message with the same id already
   *     (within that message's time to live): the earlier publish had the effect
   * @throws EngineUnavailableException if the engine cannot be reached or refuses for load
   */
  boolean publish(Message message);

  /**
   * A message for the engine.
   *
   * @param messageId the engine drops a second message with the same id while the first is
   *     buffered: the idempotency key of the publish
   */
  record Message(
      String name,
      String correlationKey,
      String messageId,
      Duration timeToLive,
      Map<String, Object> variables) {

    public Message {
      variables = Map.copyOf(variables);
    }
  }
}
