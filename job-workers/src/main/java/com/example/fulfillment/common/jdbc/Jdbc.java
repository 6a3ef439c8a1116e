package com.example.fulfillment.common.jdbc;

import com.example.fulfillment.common.AlreadyRecordedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** Small helpers shared by the JDBC adapters. */
public final class Jdbc {

  private Jdbc() {}

  /** Instants are stored as TIMESTAMP WITH TIME ZONE, in UTC. */
  public static OffsetDateTime ts(final Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(final ResultSet rs, final String column) throws SQLException {
    final OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static Integer integer(final ResultSet rs, final String column) throws SQLException {
    final int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  public static Long longValue(final ResultSet rs, final String column) throws SQLException {
    final long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * The row of order {@code orderId}, if any: {@code select} picks at most one row by {@code
   * :orderId}, {@code row} maps it.
   */
  public static <T> Optional<T> orderRow(
      final JdbcClient jdbc, final String select, final String orderId, final RowMapper<T> row) {
    return jdbc.sql(select).param("orderId", orderId).query(row).optional();
  }

  /**
   * The single value of a column of the row of order {@code orderId}, if any: {@code select} picks
   * that one column of at most one row by {@code :orderId}.
   */
  public static <T> Optional<T> orderValue(
      final JdbcClient jdbc, final String select, final String orderId, final Class<T> type) {
    return jdbc.sql(select).param("orderId", orderId).query(type).optional();
  }

  /**
   * Runs a guarded update (its WHERE names the row and the state it must be in): true when it
   * changed that one row, false when the row was not there or had moved on, e.g. a step done
   * already or overtaken by a cancellation.
   */
  public static boolean changedOne(final StatementSpec update) {
    return update.update() == 1;
  }

  /**
   * Runs an insert whose key is an idempotency key: a taken key becomes the domain's signal. The
   * statement runs here; building it with its parameters does not touch the database.
   */
  public static void insertOnce(final String what, final StatementSpec insert) {
    try {
      insert.update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyRecordedException(what, e);
    }
  }
}
