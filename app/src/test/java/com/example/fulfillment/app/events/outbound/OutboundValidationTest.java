package com.example.fulfillment.app.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.app.events.outbound.OutboxRelayScenarios.RecordingPublisher;
import com.example.fulfillment.order.OrderEventTypes;
import com.example.fulfillment.support.DatabaseTest;
import com.example.fulfillment.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation on publish: an outbox event that breaks its schema (or the size limit) never leaves.
 * The relay holds it with the reason; its order's later events wait behind it; other orders' events
 * go out as usual. Hostile rows are written by hand, as a buggy writer could leave them.
 */
class OutboundValidationTest extends DatabaseTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  static final String V1_COMPLETED =
      "{\"orderId\":\"ord_h\",\"customerId\":\"c-1\",\"total\":{\"amount\":58.00,\"currency\":\"EUR\"}}";
  static final String V2_COMPLETED =
      "{\"orderId\":\"ord_h\",\"customerId\":\"c-1\",\"net\":{\"amount\":48.74,\"currency\":\"EUR\"},"
          + "\"tax\":{\"amount\":9.26,\"currency\":\"EUR\"},\"gross\":{\"amount\":58.00,\"currency\":\"EUR\"},"
          + "\"lines\":[{\"sku\":\"SKU-3\",\"quantity\":2,\"unitPrice\":{\"amount\":29.00,\"currency\":\"EUR\"},"
          + "\"lineTotal\":{\"amount\":58.00,\"currency\":\"EUR\"}}]}";

  final OutboxFixture f = new OutboxFixture(db);
  RecordingPublisher publisher;
  MutableClock clock;

  @BeforeEach
  void emptyOutbox() {
    db.jdbc().sql("DELETE FROM outbox_event").update();
    clock = new MutableClock(T0);
    publisher = new RecordingPublisher();
  }

  static List<Arguments> hostileEvents() {
    return List.of(
        Arguments.of(
            "wrong type", 1, V1_COMPLETED.replace("58.00", "\"58.00\""), "/data/total/amount"),
        Arguments.of(
            "missing required field",
            1,
            V1_COMPLETED.replace("\"customerId\":\"c-1\",", ""),
            "/data/customerId"),
        Arguments.of("unknown version", 9, V1_COMPLETED, "unknown schema version 9"),
        Arguments.of("v2 data under the v1 dataschema", 1, V2_COMPLETED, "/data/total"),
        Arguments.of("v1 data under the v2 dataschema", 2, V1_COMPLETED, "/data/gross"),
        Arguments.of(
            "oversized",
            1,
            // unknown fields are fine (a tolerant reader), 80 KB of them are not: 40,000 characters
            // fit the column, as UTF-8 they are 80,000 bytes
            V1_COMPLETED.replace("}}", "},\"note\":\"" + "é".repeat(40_000) + "\"}"),
            "larger than 65536 bytes"),
        Arguments.of("not JSON", 1, "{\"orderId\":", "is not JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileEvents")
  void aHostileEventIsHeldWithItsReasonAndNothingOfItIsSent(
      final String name, final int version, final String data, final String reason) {
    f.insertRaw("ev-bad", "ord_h", OrderEventTypes.COMPLETED, version, data, T0);
    final List<String> others = f.fulfilledOrders(2, T0);

    final int published = f.relay(publisher, clock, 10).drain();

    assertThat(publisher.sent).extracting(OutboundCloudEvent::id).doesNotContain("ev-bad");
    assertThat(published).isEqualTo(8);
    others.forEach(
        order ->
            assertThat(publisher.typesBySubject().get(order))
                .containsExactlyElementsOf(OutboxFixture.LIFECYCLE));
    assertThat(f.held()).containsOnlyKeys("ev-bad");
    assertThat(f.held().get("ev-bad")).contains(reason);
    assertThat(f.outbox.pending()).isEqualTo(1);
    assertThat(f.outbox.held()).isEqualTo(1);
  }

  @Test
  void aHeldEventHoldsBackItsOrdersLaterEventsUntilItIsReleased() {
    f.insertRaw("ev-bad", "ord_h", OrderEventTypes.COMPLETED, 2, V1_COMPLETED, T0);
    f.insertRaw("ev-next", "ord_h", OrderEventTypes.CANCELLED, 1, cancelled(), T0);
    final OutboxRelay relay = f.relay(publisher, clock, 10);

    relay.drain();
    assertThat(publisher.sent).isEmpty();
    assertThat(f.held()).containsOnlyKeys("ev-bad");

    // the fix (e.g. the row rewritten in the shape of its version), then the hold cleared
    db.jdbc()
        .sql("UPDATE outbox_event SET data = :data, held_reason = NULL WHERE event_id = 'ev-bad'")
        .param("data", V2_COMPLETED)
        .update();
    relay.drain();

    assertThat(publisher.sent)
        .extracting(OutboundCloudEvent::id)
        .containsExactly("ev-bad", "ev-next");
    assertThat(publisher.sent.getFirst().dataSchema().toString()).endsWith(".completed/2");
    assertThat(f.held()).isEmpty();
  }

  @Test
  void aRowThatIsNotEvenACloudEventIsHeldAndTheRelayGoesOn() {
    f.insertRaw("ev-bad", "ord_h", "Not A Type", 1, V1_COMPLETED, T0);
    final List<String> others = f.fulfilledOrders(1, T0);

    f.relay(publisher, clock, OutboxFixture.properties(10, false)).drain();

    assertThat(f.held().get("ev-bad")).startsWith("not a valid event: ");
    assertThat(publisher.typesBySubject().get(others.getFirst()))
        .containsExactlyElementsOf(OutboxFixture.LIFECYCLE);
  }

  @Test
  void withValidationOffTheSameEventGoesOut() {
    f.insertRaw("ev-bad", "ord_h", OrderEventTypes.COMPLETED, 1, V2_COMPLETED, T0);

    f.relay(publisher, clock, OutboxFixture.properties(10, false)).drain();

    assertThat(publisher.sent).extracting(OutboundCloudEvent::id).containsExactly("ev-bad");
    assertThat(f.held()).isEmpty();
  }

  private static String cancelled() {
    return "{\"orderId\":\"ord_h\",\"customerId\":\"c-1\",\"previousStatus\":\"SHIPPED\"}";
  }
}
