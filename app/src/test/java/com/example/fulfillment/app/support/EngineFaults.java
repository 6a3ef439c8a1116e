package com.example.fulfillment.app.support;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.engine.ProcessMessages;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands between the app and the engine in tests: while {@link #down()} is on, every publish fails
 * as if the broker were unreachable (remote mode, broker down). Shared by the whole test context:
 * switch it off again in a finally block.
 */
public final class EngineFaults implements ProcessMessages {

  private final ProcessMessages real;
  private final AtomicBoolean down = new AtomicBoolean();

  EngineFaults(final ProcessMessages real) {
    this.real = real;
  }

  public void down(final boolean unreachable) {
    down.set(unreachable);
  }

  @Override
  public boolean publish(final Message message) {
    if (down.get()) {
      throw new EngineUnavailableException(
          "publishing " + message.name() + " failed: UNAVAILABLE",
          new ClientStatusException(Status.UNAVAILABLE.withDescription("test: broker down"), null));
    }
    return real.publish(message);
  }
}
