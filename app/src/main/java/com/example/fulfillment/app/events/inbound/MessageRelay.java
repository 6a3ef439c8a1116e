package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.engine.ProcessMessages;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Hands an accepted message to the engine exactly once in effect: recorded by message id first (a
 * duplicate finds the row), then published with the same id as the engine's message id (a
 * concurrent or retried publish is refused by the engine), then marked published. A message that
 * was recorded but not published (engine down, crash) is published by the next duplicate.
 */
@Service
public record MessageRelay(InboundMessages messages, ProcessMessages engine, Clock clock) {

  /** What became of a message. */
  public enum Outcome {
    /** New, and published now. */
    PUBLISHED,
    /** Seen before: published before (or now, healing an earlier failed attempt). */
    DUPLICATE
  }

  /**
   * @throws com.example.fulfillment.app.engine.EngineUnavailableException if the engine cannot take
   *     it now (the message stays recorded; a retry with the same id publishes it)
   */
  public Outcome relay(final InboundMessages.Stored message, final Duration timeToLive) {
    final boolean fresh = messages.claim(message);
    if (!fresh) {
      final InboundMessages.Stored known = messages.find(message.messageId()).orElseThrow();
      if (known.publishedAt() != null) {
        return Outcome.DUPLICATE;
      }
    }
    publish(message, timeToLive);
    return fresh ? Outcome.PUBLISHED : Outcome.DUPLICATE;
  }

  /** Publishes a recorded message again (e.g. after the embedded engine lost its state). */
  public void publish(final InboundMessages.Stored message, final Duration timeToLive) {
    engine.publish(
        new ProcessMessages.Message(
            message.messageName(),
            message.orderId(),
            message.messageId(),
            timeToLive,
            message.variables()));
    messages.markPublished(message.messageId(), clock.instant());
  }
}
