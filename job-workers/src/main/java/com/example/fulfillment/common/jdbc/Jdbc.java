package com.example.fulfillment.common.jdbc;

import com.example.fulfillment.common.AlreadyRecordedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;

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

  /** Runs an insert whose key is an idempotency key: a taken key becomes the domain's signal. */
  public static void insertOnce(final String what, final Runnable insert) {
    try {
      insert.run();
    } catch (DuplicateKeyException e) {
      throw new AlreadyRecordedException(what, e);
    }
  }
}
