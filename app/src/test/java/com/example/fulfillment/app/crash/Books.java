package com.example.fulfillment.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app's books, read from its H2 database once the app has stopped: every order ended, stock and
 * money conserved exactly, nothing charged or reserved twice.
 */
final class Books {

  private static final List<String> TERMINAL = List.of("COMPLETED", "REJECTED", "CANCELLED");

  private final Path database;

  Books(final Path database) {
    this.database = database;
  }

  /** Order id → status, for every order the app recorded. */
  Map<String, String> statuses() throws SQLException {
    return query("SELECT order_id, status FROM customer_order");
  }

  /** Checks the books; returns the figures for the report. */
  Map<String, Object> check(final Collection<String> accepted) throws SQLException {
    final Map<String, Object> figures = new LinkedHashMap<>();
    final Map<String, String> statuses = statuses();
    figures.put("orders recorded", statuses.size());
    final Map<String, Integer> byStatus = new TreeMap<>();
    statuses.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
    figures.put("orders by status", byStatus);

    assertThat(statuses.keySet()).as("accepted orders lost").containsAll(accepted);
    assertThat(statuses).as("orders not ended").allSatisfy((id, s) -> assertThat(s).isIn(TERMINAL));

    // Stock: per SKU nothing left reserved, available + reserved + shipped = initial, and exactly
    // the completed orders' quantities shipped.
    final Map<String, String> shippedByCompleted =
        query(
            "SELECT l.sku, SUM(l.quantity) FROM order_line l JOIN customer_order o"
                + " ON o.order_id = l.order_id WHERE o.status = 'COMPLETED' GROUP BY l.sku");
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sku, initial_quantity, available, reserved, shipped FROM stock")) {
      int unitsShipped = 0;
      while (rs.next()) {
        final String sku = rs.getString(1);
        assertThat(rs.getInt(3) + rs.getInt(4) + rs.getInt(5))
            .as(sku + " conserved")
            .isEqualTo(rs.getInt(2));
        assertThat(rs.getInt(4)).as(sku + " still reserved").isZero();
        assertThat(rs.getInt(5))
            .as(sku + " shipped = completed orders' quantity")
            .isEqualTo(Integer.parseInt(shippedByCompleted.getOrDefault(sku, "0")));
        unitsShipped += rs.getInt(5);
      }
      figures.put("units shipped", unitsShipped);
    }
    assertThat(scalar("SELECT COUNT(*) FROM stock_reservation WHERE status = 'RESERVED'"))
        .as("reservations still held")
        .isZero();

    // Money: a completed order captured its total once and refunded nothing; any other order
    // paid nothing net; the provider charged each order at most once.
    final List<String> wrong = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT o.order_id, o.status, o.total_amount, p.captured_amount, p.refunded_amount"
                    + " FROM customer_order o LEFT JOIN payment p ON p.order_id = o.order_id")) {
      while (rs.next()) {
        final BigDecimal total = rs.getBigDecimal(3);
        final BigDecimal captured = orZero(rs.getBigDecimal(4));
        final BigDecimal refunded = orZero(rs.getBigDecimal(5));
        final boolean ok =
            "COMPLETED".equals(rs.getString(2))
                ? captured.compareTo(total) == 0 && refunded.signum() == 0
                : captured.subtract(refunded).signum() == 0;
        if (!ok) {
          wrong.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " total "
                  + total
                  + " captured "
                  + captured
                  + " refunded "
                  + refunded);
        }
      }
    }
    assertThat(wrong).as("orders whose money does not add up").isEmpty();
    final long charges =
        scalar("SELECT COUNT(*) FROM sandbox_payment_operation WHERE step = 'CHARGE'");
    final long charged =
        scalar(
            "SELECT COUNT(DISTINCT order_id) FROM sandbox_payment_operation WHERE step = 'CHARGE'");
    assertThat(charges)
        .as("provider charges = orders charged (no double charge)")
        .isEqualTo(charged);
    figures.put("provider charges", charges);
    figures.put(
        "captured − refunded",
        decimal("SELECT SUM(captured_amount - refunded_amount) FROM payment"));
    figures.put(
        "completed orders' totals",
        decimal("SELECT SUM(total_amount) FROM customer_order WHERE status = 'COMPLETED'"));
    assertThat(decimal("SELECT SUM(captured_amount - refunded_amount) FROM payment"))
        .as("captured − refunded = completed orders' totals")
        .isEqualByComparingTo(
            decimal("SELECT SUM(total_amount) FROM customer_order WHERE status = 'COMPLETED'"));
    return figures;
  }

  private static BigDecimal orZero(final BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  private Map<String, String> query(final String sql) throws SQLException {
    final Map<String, String> rows = new TreeMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  private long scalar(final String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private BigDecimal decimal(final String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return orZero(rs.getBigDecimal(1));
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r",
        "sa",
        "");
  }
}
