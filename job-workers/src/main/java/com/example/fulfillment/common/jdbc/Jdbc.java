package com.example.fulfillment.common.jdbc;

import com.example.fulfillment.common.AlreadyRecordedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Small helpers shared by the JDBC adapters. Table and column names passed in are constants of the
 * adapters, never input. Records whose components are named like their columns are mapped {@link
 * #byName}; the others by hand.
 */
public final class Jdbc {

  private static final ClassValue<RowMapper<?>> BY_NAME =
      new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(final Class<?> type) {
          return new DataClassRowMapper<>(type);
        }
      };

  private Jdbc() {}

  /**
   * Maps a row to record {@code type} by name: each component from the column of the same name in
   * snake case ({@code unitPrice} from {@code unit_price}), enums from their names.
   */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> byName(final Class<T> type) {
    return (RowMapper<T>) BY_NAME.get(type);
  }

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
   * The row of {@code table} whose {@code key} column holds {@code value}, if any ({@code key} is
   * unique; both are constants).
   */
  public static <T> Optional<T> rowBy(
      final JdbcClient jdbc,
      final String table,
      final String key,
      final Object value,
      final RowMapper<T> row) {
    return jdbc.sql("SELECT * FROM " + table + " WHERE " + key + " = :key")
        .param("key", value)
        .query(row)
        .optional();
  }

  /** All rows of {@code table}, sorted by {@code orderBy} (both constants). */
  public static <T> List<T> rows(
      final JdbcClient jdbc, final String table, final String orderBy, final RowMapper<T> row) {
    return jdbc.sql("SELECT * FROM " + table + " ORDER BY " + orderBy).query(row).list();
  }

  /** The row of order {@code orderId} in {@code table}, a table with one row per order. */
  public static <T> Optional<T> orderRow(
      final JdbcClient jdbc, final String table, final String orderId, final RowMapper<T> row) {
    return rowBy(jdbc, table, "order_id", orderId, row);
  }

  /**
   * The row of order {@code orderId} in {@code table} whose {@code key} column holds {@code value},
   * if any: a table with several rows per order, {@code key} telling them apart.
   */
  public static <T> Optional<T> orderRow(
      final JdbcClient jdbc,
      final String table,
      final String orderId,
      final String key,
      final Object value,
      final RowMapper<T> row) {
    final String select = "SELECT * FROM " + table + " WHERE order_id = :orderId AND " + key;
    return byOrder(jdbc, select + " = :key", orderId).param("key", value).query(row).optional();
  }

  /** {@code select} (joins, locks, several rows) with its {@code :orderId} bound. */
  public static StatementSpec byOrder(
      final JdbcClient jdbc, final String select, final String orderId) {
    return jdbc.sql(select).param("orderId", orderId);
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

  /**
   * Inserts one row of {@code table} ({@code columns}: column name → value; the names are
   * constants) whose key is an idempotency key, like {@link #insertOnce(String, StatementSpec)}.
   */
  public static void insertOnce(
      final JdbcClient jdbc, final String what, final String table, final Map<String, ?> columns) {
    final String names = String.join(", ", columns.keySet());
    final String values =
        columns.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    final StatementSpec insert =
        jdbc.sql("INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")");
    columns.forEach(insert::param);
    insertOnce(what, insert);
  }
}
