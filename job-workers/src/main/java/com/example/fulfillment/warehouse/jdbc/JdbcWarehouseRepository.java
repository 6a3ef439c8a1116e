package com.example.fulfillment.warehouse.jdbc;

import static com.example.fulfillment.common.jdbc.Jdbc.instant;
import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.warehouse.WarehouseRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tables {@code warehouse_package} and {@code gift_wrap}. */
public record JdbcWarehouseRepository(JdbcClient jdbc) implements WarehouseRepository {

  @Override
  public Optional<String> findPackage(final String orderId) {
    return Jdbc.orderRow(jdbc, "warehouse_package", orderId, (rs, n) -> rs.getString("package_id"));
  }

  @Override
  public void insertPackage(final String orderId, final String packageId, final Instant now) {
    Jdbc.insertOnce(
        "package of order " + orderId,
        jdbc.sql(
                "INSERT INTO warehouse_package (order_id, package_id, packed_at)"
                    + " VALUES (:orderId, :packageId, :now)")
            .param("orderId", orderId)
            .param("packageId", packageId)
            .param("now", ts(now)));
  }

  @Override
  public Optional<Instant> findGiftWrap(final String orderId) {
    return Jdbc.orderRow(jdbc, "gift_wrap", orderId, (rs, n) -> instant(rs, "wrapped_at"));
  }

  @Override
  public void insertGiftWrap(final String orderId, final Instant now) {
    Jdbc.insertOnce(
        "gift wrap of order " + orderId,
        jdbc.sql("INSERT INTO gift_wrap (order_id, wrapped_at) VALUES (:orderId, :now)")
            .param("orderId", orderId)
            .param("now", ts(now)));
  }
}
