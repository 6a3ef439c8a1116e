package com.example.fulfillment.app.engine;

import com.example.fulfillment.common.jdbc.Jdbc;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lifetimes of the engine's state (table {@code engine_epoch}). An engine that lost its state
 * (a development engine restarted, a cluster reset) hands out the same job and instance keys again,
 * so a key alone does not name one job for good: what the app records under an engine key (the
 * workers' timeline entries in remote mode) is recorded under {@link #current()} and the key.
 *
 * <p>{@link EngineStateWatch} begins a new epoch when it notices a loss, before it deploys the
 * models again: no job of the new lifetime exists before that. An app that starts against an engine
 * that kept its state goes on with the latest stored epoch; every instance of the app sharing the
 * database reads it again at each state check, so one that did not notice the loss itself (another
 * instance republished the marker first) follows within a check interval.
 */
@Component
public class EngineEpochs {

  private static final Logger LOG = LoggerFactory.getLogger(EngineEpochs.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile String current;

  EngineEpochs(final JdbcClient jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The epoch of the engine state the app works with now. */
  public String current() {
    final String epoch = current;
    return epoch != null ? epoch : refresh();
  }

  /** Reads the latest stored epoch (beginning the first one on an empty database). */
  synchronized String refresh() {
    current =
        jdbc.sql("SELECT id FROM engine_epoch ORDER BY began_at DESC, id DESC LIMIT 1")
            .query(String.class)
            .optional()
            .orElseGet(this::begin);
    return current;
  }

  /** The engine has lost its state: what follows belongs to a new epoch. */
  synchronized String begin() {
    final String epoch = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO engine_epoch (id, began_at) VALUES (:id, :at)")
        .param("id", epoch)
        .param("at", Jdbc.ts(clock.instant()))
        .update();
    current = epoch;
    LOG.info("Engine state epoch {} begins", epoch);
    return epoch;
  }
}
