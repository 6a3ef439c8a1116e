package com.example.fulfillment.app.order;

import com.example.fulfillment.common.jdbc.Jdbc;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of order requests (table {@code order_request}): per client, the first request
 * with a key claims it with its hash and order id; later ones find it.
 */
@Component
class OrderRequests {

  /** A claimed key: the request it stands for and its order. */
  record Claim(String requestHash, String orderId) {}

  private final JdbcClient jdbc;

  OrderRequests(final JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code key} for this request, or returns the claim made before (by an earlier or a
   * concurrent request: the insert waits for the other transaction).
   *
   * @return empty if this request claimed the key now
   */
  Optional<Claim> claim(
      final String clientId,
      final String key,
      final String requestHash,
      final String orderId,
      final Instant now) {
    final int inserted =
        jdbc.sql(
                """
                INSERT INTO order_request (client_id, idempotency_key, request_hash, order_id,
                  created_at)
                VALUES (:client, :key, :hash, :orderId, :now)
                ON CONFLICT DO NOTHING
                """)
            .param("client", clientId)
            .param("key", key)
            .param("hash", requestHash)
            .param("orderId", orderId)
            .param("now", Jdbc.ts(now))
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                "SELECT request_hash, order_id FROM order_request"
                    + " WHERE client_id = :client AND idempotency_key = :key")
            .param("client", clientId)
            .param("key", key)
            .query((rs, n) -> new Claim(rs.getString("request_hash"), rs.getString("order_id")))
            .single());
  }

  /** Gives a key back when its request was refused before any order was stored. */
  void release(final String clientId, final String key, final String requestHash) {
    jdbc.sql(
            """
            DELETE FROM order_request
             WHERE client_id = :client AND idempotency_key = :key AND request_hash = :hash
               AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.order_id = order_request.order_id)
            """)
        .param("client", clientId)
        .param("key", key)
        .param("hash", requestHash)
        .update();
  }
}
