package com.example.fulfillment.app.timeline;

import com.example.fulfillment.common.jdbc.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders' timelines (table {@code timeline_event}). Appending is idempotent per entry ({@code
 * dedupe_key}, {@code ON CONFLICT DO NOTHING}) and done in batches, in one transaction per batch.
 */
@Component
public record Timeline(
    JdbcTemplate jdbc, TransactionTemplate tx, ObjectProvider<TimelineObserver> observers) {

  private static final Logger LOG = LoggerFactory.getLogger(Timeline.class);

  private static final String INSERT =
      """
      INSERT INTO timeline_event (order_id, dedupe_key, occurred_at, source, kind, engine_run,
        bpmn_process_id, process_instance_key, element_id, element_instance_key, element_type,
        job_key, job_type, retries, incident_key, message_name, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """;

  /** Appends one entry (no-op if its dedupe key is stored already). */
  public boolean append(final TimelineEntry entry) {
    return !append(List.of(entry)).isEmpty();
  }

  /**
   * Appends the entries in one transaction; those whose dedupe key is stored already are skipped.
   *
   * @return the entries that were new
   */
  public List<TimelineEntry> append(final List<TimelineEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    final int[][] counts =
        tx.execute(status -> jdbc.batchUpdate(INSERT, entries, 500, (ps, e) -> bind(ps, e)));
    final List<TimelineEntry> added = new ArrayList<>();
    int i = 0;
    for (int[] batch : counts) {
      for (int count : batch) {
        // drivers may answer SUCCESS_NO_INFO (-2) for a batched statement: count it as added
        if (count != 0) {
          added.add(entries.get(i));
        }
        i++;
      }
    }
    if (!added.isEmpty()) {
      observers.orderedStream().forEach(o -> notify(o, added));
    }
    return added;
  }

  private static void notify(final TimelineObserver observer, final List<TimelineEntry> added) {
    try {
      observer.appended(added);
    } catch (RuntimeException e) {
      LOG.warn("Timeline observer {} failed", observer.getClass().getSimpleName(), e);
    }
  }

  /** The order's timeline, in time order (then in the order it was recorded). */
  public List<TimelineEntry> of(final String orderId) {
    return jdbc.query(
        "SELECT * FROM timeline_event WHERE order_id = ? ORDER BY occurred_at, id",
        (rs, n) -> read(rs),
        orderId);
  }

  /** Whether the order has any entry from {@code source}. */
  public boolean has(final String orderId, final TimelineEntry.Source source) {
    final Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM timeline_event WHERE order_id = ? AND source = ?",
            Integer.class,
            orderId,
            source.name());
    return count != null && count > 0;
  }

  private static void bind(final PreparedStatement ps, final TimelineEntry e) throws SQLException {
    ps.setString(1, e.orderId());
    ps.setString(2, e.dedupeKey());
    ps.setObject(3, Jdbc.ts(e.occurredAt()));
    ps.setString(4, e.source().name());
    ps.setString(5, e.kind().name());
    ps.setString(6, e.engineRun());
    ps.setString(7, e.element().bpmnProcessId());
    setLong(ps, 8, e.element().processInstanceKey());
    ps.setString(9, e.element().id());
    setLong(ps, 10, e.element().instanceKey());
    ps.setString(11, e.element().type());
    setLong(ps, 12, e.job().key());
    ps.setString(13, e.job().type());
    if (e.job().retries() == null) {
      ps.setNull(14, Types.INTEGER);
    } else {
      ps.setInt(14, e.job().retries());
    }
    setLong(ps, 15, e.incidentKey());
    ps.setString(16, e.messageName());
    ps.setString(17, e.detail());
  }

  private static void setLong(final PreparedStatement ps, final int index, final Long value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  /** A row of {@code timeline_event} (every column), for readers with queries of their own. */
  public static TimelineEntry read(final ResultSet rs) throws SQLException {
    return new TimelineEntry(
        rs.getLong("id"),
        rs.getString("order_id"),
        rs.getString("dedupe_key"),
        Jdbc.instant(rs, "occurred_at"),
        TimelineEntry.Source.valueOf(rs.getString("source")),
        TimelineEntry.Kind.valueOf(rs.getString("kind")),
        rs.getString("engine_run"),
        new TimelineEntry.Element(
            rs.getString("bpmn_process_id"),
            Jdbc.longValue(rs, "process_instance_key"),
            rs.getString("element_id"),
            Jdbc.longValue(rs, "element_instance_key"),
            rs.getString("element_type")),
        new TimelineEntry.Job(
            Jdbc.longValue(rs, "job_key"), rs.getString("job_type"), Jdbc.integer(rs, "retries")),
        Jdbc.longValue(rs, "incident_key"),
        rs.getString("message_name"),
        rs.getString("detail"));
  }
}
