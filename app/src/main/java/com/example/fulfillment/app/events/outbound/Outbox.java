package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.common.jdbc.Jdbc;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relay's side of table {@code outbox_event} (the domain writes it through {@code
 * JdbcOrderEventOutbox}). Portable SQL: the same on H2 and PostgreSQL.
 */
@Component
public class Outbox {

  private static final int MAX_ERROR = 1000;
  private static final int MAX_HELD_REASON = 4000;

  private final JdbcClient jdbc;

  Outbox(final JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims up to {@code limit} due events, oldest first, at most one per order: the oldest
   * unpublished event of each order, and only if it is due (a failed event waiting for its retry
   * holds back its order's later events). The rows stay locked until the caller's transaction ends;
   * rows another instance has locked are skipped, and so are their orders' later events (their
   * older event is still unpublished). A held event is never claimed, and holds back its order's
   * later events. Call it inside a transaction.
   */
  public List<OutboxEvent> claimDue(final Instant now, final int limit) {
    return jdbc.sql(
            """
            SELECT e.seq, e.event_id, e.order_id, e.event_type, e.schema_version, e.data, e.correlation_id,
                   e.causation_id, e.occurred_at, e.attempts, e.traceparent
              FROM outbox_event e
             WHERE e.published_at IS NULL
               AND e.held_reason IS NULL
               AND e.next_attempt_at <= :now
               AND NOT EXISTS (SELECT 1 FROM outbox_event older
                                WHERE older.order_id = e.order_id
                                  AND older.published_at IS NULL
                                  AND older.seq < e.seq)
             ORDER BY e.seq
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
            """)
        .param("now", Jdbc.ts(now))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new OutboxEvent(
                    rs.getLong("seq"),
                    rs.getString("event_id"),
                    rs.getString("order_id"),
                    rs.getString("event_type"),
                    rs.getInt("schema_version"),
                    rs.getString("data"),
                    rs.getString("correlation_id"),
                    rs.getString("causation_id"),
                    Jdbc.instant(rs, "occurred_at"),
                    rs.getInt("attempts"),
                    rs.getString("traceparent")))
        .list();
  }

  public void markPublished(final List<Long> seqs, final Instant now) {
    if (seqs.isEmpty()) {
      return;
    }
    jdbc.sql(
            "UPDATE outbox_event SET published_at = :now, last_error = NULL"
                + " WHERE seq IN (:seqs) AND published_at IS NULL")
        .param("now", Jdbc.ts(now))
        .param("seqs", seqs)
        .update();
  }

  public void markFailed(final long seq, final Instant nextAttemptAt, final String error) {
    jdbc.sql(
            """
            UPDATE outbox_event
               SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
             WHERE seq = :seq AND published_at IS NULL
            """)
        .param("next", Jdbc.ts(nextAttemptAt))
        .param("error", clip(error, MAX_ERROR))
        .param("seq", seq)
        .update();
  }

  /**
   * Holds an event that must not be sent (it violates its schema): it stays unpublished with the
   * reason, and its order's later events wait behind it, until someone clears {@code held_reason}.
   */
  public void hold(final long seq, final String reason) {
    jdbc.sql(
            "UPDATE outbox_event SET held_reason = :reason WHERE seq = :seq AND published_at IS NULL")
        .param("reason", clip(reason, MAX_HELD_REASON))
        .param("seq", seq)
        .update();
  }

  /** Events held for violating their schema. */
  public long held() {
    // unpublished first: the pending index narrows the scan to the backlog
    return jdbc.sql(
            "SELECT COUNT(*) FROM outbox_event"
                + " WHERE published_at IS NULL AND held_reason IS NOT NULL")
        .query(Long.class)
        .single();
  }

  /** Events not published yet (held ones included). */
  public long pending() {
    return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL")
        .query(Long.class)
        .single();
  }

  /** Deletes events published before {@code cutoff}; returns how many. */
  public int deletePublishedBefore(final Instant cutoff) {
    return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
        .param("cutoff", Jdbc.ts(cutoff))
        .update();
  }

  private static String clip(final String text, final int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
