package com.example.fulfillment.inventory.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.byName;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.inventory.InventoryRepository;
import com.example.fulfillment.inventory.Product;
import com.example.fulfillment.inventory.Reservation;
import com.example.fulfillment.inventory.ReservationStatus;
import com.example.fulfillment.inventory.StockLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tables {@code product}, {@code stock} and {@code stock_reservation}. */
public record JdbcInventoryRepository(JdbcClient jdbc) implements InventoryRepository {

  @Override
  public Optional<Product> findProduct(final String sku) {
    return Jdbc.rowBy(jdbc, "product", "sku", sku, byName(Product.class));
  }

  @Override
  public List<Product> products() {
    return Jdbc.rows(jdbc, "product", "sku", byName(Product.class));
  }

  @Override
  public Optional<StockLevel> stock(final String sku) {
    return Jdbc.rowBy(jdbc, "stock", "sku", sku, JdbcInventoryRepository::stockLevel);
  }

  @Override
  public List<StockLevel> stockLevels() {
    return Jdbc.rows(jdbc, "stock", "sku", JdbcInventoryRepository::stockLevel);
  }

  @Override
  public Optional<Reservation> findReservation(final String orderId, final int lineNo) {
    return Jdbc.orderRow(
        jdbc, "stock_reservation", orderId, "line_no", lineNo, byName(Reservation.class));
  }

  @Override
  public List<Reservation> reservations(final String orderId) {
    final String sql = "SELECT * FROM stock_reservation WHERE order_id = :orderId ORDER BY line_no";
    return Jdbc.byOrder(jdbc, sql, orderId).query(byName(Reservation.class)).list();
  }

  @Override
  public void insertReservation(final Reservation r, final Instant now) {
    Jdbc.insertOnce(
        "reservation of order " + r.orderId() + " line " + r.lineNo(),
        jdbc.sql(
                """
                INSERT INTO stock_reservation (order_id, line_no, sku, quantity, status,
                  available_at_refusal, created_at, updated_at)
                VALUES (:orderId, :lineNo, :sku, :quantity, :status, :available, :now, :now)
                """)
            .param("orderId", r.orderId())
            .param("lineNo", r.lineNo())
            .param("sku", r.sku())
            .param("quantity", r.quantity())
            .param("status", r.status().name())
            .param("available", r.availableAtRefusal())
            .param("now", ts(now)));
  }

  @Override
  public void refuse(
      final String orderId, final int lineNo, final int available, final Instant now) {
    jdbc.sql(
            """
            UPDATE stock_reservation
               SET status = 'REFUSED', available_at_refusal = :available, updated_at = :now
             WHERE order_id = :orderId AND line_no = :lineNo AND status = 'RESERVED'
            """)
        .param("available", available)
        .param("now", ts(now))
        .param("orderId", orderId)
        .param("lineNo", lineNo)
        .update();
  }

  @Override
  public boolean take(final String sku, final int quantity) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE stock SET available = available - :q, reserved = reserved + :q
                 WHERE sku = :sku AND available >= :q
                """)
            .param("q", quantity)
            .param("sku", sku));
  }

  @Override
  public void putBack(final String sku, final int quantity) {
    moveReserved(sku, quantity, "available", "put back");
  }

  @Override
  public void ship(final String sku, final int quantity) {
    moveReserved(sku, quantity, "shipped", "ship");
  }

  /**
   * Moves {@code quantity} reserved units of {@code sku} to the stock column {@code to} (a
   * constant). A reservation said they are reserved: if the stock disagrees, fail loudly.
   */
  private void moveReserved(
      final String sku, final int quantity, final String to, final String what) {
    final int updated =
        jdbc.sql(
                "UPDATE stock SET "
                    + to
                    + " = "
                    + to
                    + " + :q, reserved = reserved - :q WHERE sku = :sku AND reserved >= :q")
            .param("q", quantity)
            .param("sku", sku)
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "stock books inconsistent, cannot " + what + " " + quantity + " x " + sku);
    }
  }

  @Override
  public boolean changeStatus(
      final String orderId,
      final int lineNo,
      final ReservationStatus from,
      final ReservationStatus to,
      final Instant now) {
    return Jdbc.changedOne(
        jdbc.sql(
                """
                UPDATE stock_reservation SET status = :to, updated_at = :now
                 WHERE order_id = :orderId AND line_no = :lineNo AND status = :from
                """)
            .param("to", to.name())
            .param("now", ts(now))
            .param("orderId", orderId)
            .param("lineNo", lineNo)
            .param("from", from.name()));
  }

  @Override
  public boolean allLinesReserved(final String orderId) {
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM order_line l
             WHERE l.order_id = :orderId
               AND NOT EXISTS (SELECT 1 FROM stock_reservation r
                                WHERE r.order_id = l.order_id AND r.line_no = l.line_no
                                  AND r.status = 'RESERVED')
            """)
            .param("orderId", orderId)
            .query(Integer.class)
            .single()
        == 0;
  }

  private static StockLevel stockLevel(final ResultSet rs, final int n) throws SQLException {
    return new StockLevel(
        rs.getString("sku"),
        rs.getInt("initial_quantity"),
        rs.getInt("available"),
        rs.getInt("reserved"),
        rs.getInt("shipped"));
  }
}
