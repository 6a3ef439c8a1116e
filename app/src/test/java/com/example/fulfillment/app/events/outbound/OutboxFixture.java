package com.example.fulfillment.app.events.outbound;

import com.example.fulfillment.common.jdbc.Jdbc;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEventTypes;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.jdbc.JdbcOrderEventOutbox;
import com.example.fulfillment.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders' events written through the domain's outbox adapter, and relays over them. */
final class OutboxFixture {

  static final List<String> LIFECYCLE =
      List.of(
          OrderEventTypes.ACCEPTED,
          OrderEventTypes.PAID,
          OrderEventTypes.SHIPPED,
          OrderEventTypes.COMPLETED);
  static final String SOURCE = "urn:test:relay";

  final TestDatabase db;
  final Outbox outbox;
  final JdbcOrderEventOutbox writer;
  final TransactionTemplate tx;

  OutboxFixture(final TestDatabase db) {
    this.db = db;
    this.outbox = new Outbox(db.jdbc());
    this.writer = new JdbcOrderEventOutbox(db.jdbc(), Tracer.NOOP, Propagator.NOOP);
    this.tx = new TransactionTemplate(db.transactionManager());
  }

  /**
   * {@code orders} new orders, each with the 4 events of a fulfilled order, written step by step
   * across the orders (so their rows interleave), each in its own transaction.
   */
  List<String> fulfilledOrders(final int orders, final Instant at) {
    final List<String> ids = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      ids.add("ord_" + UUID.randomUUID());
    }
    for (int step = 0; step < LIFECYCLE.size(); step++) {
      for (String id : ids) {
        final OrderEvent event = event(id, step, at);
        tx.executeWithoutResult(s -> writer.record(event));
      }
    }
    return ids;
  }

  private static OrderEvent event(final String orderId, final int step, final Instant at) {
    final BigDecimal total = new BigDecimal("9.50");
    return switch (step) {
      case 0 ->
          new OrderEvent.Accepted(
              orderId,
              "c-1",
              total,
              "EUR",
              List.of(new OrderEvent.Line("SKU-2", 1, total, total)),
              false,
              false,
              false,
              "DE",
              at);
      case 1 -> new OrderEvent.Paid(orderId, total, "EUR", "ch_1", false, at);
      case 2 ->
          new OrderEvent.Shipped(
              orderId, "shp_1", "TRK1", "STANDARD", "DHL Paket", at.plus(Duration.ofDays(3)), at);
      case 3 ->
          new OrderEvent.Completed(
              orderId,
              "c-1",
              total,
              new BigDecimal("1.52"),
              "EUR",
              List.of(new OrderEvent.Line("SKU-2", 1, total, total)),
              at);
      default -> new OrderEvent.Cancelled(orderId, "c-1", OrderStatus.RECEIVED, at);
    };
  }

  OutboxRelay relay(final EventPublisher publisher, final Clock clock, final int batchSize) {
    return relay(publisher, clock, properties(batchSize));
  }

  OutboxRelay relay(
      final EventPublisher publisher, final Clock clock, final OutboxProperties properties) {
    return OutboxRelay.create(
        outbox,
        publisher,
        db.transactionManager(),
        clock,
        properties,
        new EventOrigin(
            SOURCE,
            (type, version) ->
                URI.create(
                    "https://fulfillment.example.com/schemas/events/" + type + "/" + version)),
        new SimpleMeterRegistry(),
        Propagator.NOOP);
  }

  static OutboxProperties properties(final int batchSize) {
    return properties(batchSize, true);
  }

  static OutboxProperties properties(final int batchSize, final boolean validate) {
    return new OutboxProperties(
        true,
        Duration.ofMillis(100),
        batchSize,
        Duration.ofSeconds(1),
        2.0,
        Duration.ofSeconds(8),
        Duration.ofDays(7),
        Duration.ofHours(1),
        validate,
        65536);
  }

  /** An outbox row written by hand: whatever a buggy writer could leave there. */
  void insertRaw(
      final String eventId,
      final String orderId,
      final String type,
      final int version,
      final String data,
      final Instant at) {
    db.jdbc()
        .sql(
            """
            INSERT INTO outbox_event (event_id, order_id, event_type, schema_version, data,
              occurred_at, attempts, next_attempt_at)
            VALUES (:id, :orderId, :type, :version, :data, :at, 0, :at)
            """)
        .param("id", eventId)
        .param("orderId", orderId)
        .param("type", type)
        .param("version", version)
        .param("data", data)
        .param("at", Jdbc.ts(at))
        .update();
  }

  /** The reason each held event is held for, by event id. */
  Map<String, String> held() {
    final Map<String, String> held = new java.util.TreeMap<>();
    db.jdbc()
        .sql("SELECT event_id, held_reason FROM outbox_event WHERE held_reason IS NOT NULL")
        .query((rs, n) -> held.put(rs.getString("event_id"), rs.getString("held_reason")))
        .list();
    return held;
  }

  /** Row facts the relay leaves behind. */
  record Row(
      String eventId,
      String orderId,
      String type,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant publishedAt) {}

  List<Row> rows() {
    return db.jdbc()
        .sql("SELECT * FROM outbox_event ORDER BY seq")
        .query(
            (rs, n) ->
                new Row(
                    rs.getString("event_id"),
                    rs.getString("order_id"),
                    rs.getString("event_type"),
                    rs.getInt("attempts"),
                    com.example.fulfillment.common.jdbc.Jdbc.instant(rs, "next_attempt_at"),
                    rs.getString("last_error"),
                    com.example.fulfillment.common.jdbc.Jdbc.instant(rs, "published_at")))
        .list();
  }

  /** Thrown by a publisher to play a process that dies mid-round (no catch in the relay). */
  static final class SimulatedCrash extends Error {
    SimulatedCrash(final String when) {
      super("simulated crash " + when);
    }
  }
}
