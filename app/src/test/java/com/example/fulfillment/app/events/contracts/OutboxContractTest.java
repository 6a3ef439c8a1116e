package com.example.fulfillment.app.events.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.contracts.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The outbound contract (issue 20): the real flows on the embedded engine with the real job
 * workers, each to its end, then every outbox row of those orders validated against the JSON Schema
 * of its type and version from the contracts module. The validator is built here (networknt, draft
 * 2020-12, formats asserted), not taken from the app: an independent oracle.
 *
 * <p>Flows: a fulfilled order; an order rejected for each reason the app can reach (HIGH_RISK,
 * OUT_OF_STOCK, PAYMENT_DECLINED, PAYMENT_TIMEOUT); a cancelled order; an order paid after an
 * asynchronous confirmation. INVALID_ORDER has no flow: the API prices and checks an order before
 * it records it (unknown SKU, no lines: refused with 4xx, no event), so ValidateOrder refuses only
 * an order that does not exist (nothing to record) or has ended (it records no second end).
 */
@EmbeddedEngineTest
class OutboxContractTest {

  private static final String ACCEPTED = "com.example.order.accepted";
  private static final String PAID = "com.example.order.paid";
  private static final String SHIPPED = "com.example.order.shipped";
  private static final String COMPLETED = "com.example.order.completed";
  private static final String REJECTED = "com.example.order.rejected";
  private static final String CANCELLED = "com.example.order.cancelled";

  /** The types the app publishes: a new one without a flow here fails the coverage check. */
  private static final String PUBLISHED_PREFIX = "com.example.order.";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ApiDriver api;
  @Autowired JdbcClient jdbc;

  private final SchemaOracle oracle = new SchemaOracle();

  /**
   * One flow: its order, the event types it must publish (in this order), its rejection reason
   * (null: not rejected) and whether its money is captured after a confirmation.
   */
  private record Flow(
      String name, String orderId, List<String> types, String reason, boolean afterConfirmation) {

    static Flow rejected(final String reason, final String orderId) {
      return new Flow(reason, orderId, List.of(ACCEPTED, REJECTED), reason, false);
    }
  }

  /** One outbox row. */
  record Row(String orderId, String type, int version, String data) {}

  @Test
  void everyEventOfEveryFlowMatchesTheSchemaOfItsTypeAndVersion() throws Exception {
    // every order placed first, so the flows run side by side on the engine
    final String fulfilled = api.place("tok_ok", "SKU-1:1", "SKU-2:2");
    // total 5780.00 > 5000: fraud-risk HIGH whoever the customer is
    final String highRisk = api.place("tok_ok", "SKU-20:2");
    final String outOfStock = api.place("tok_ok", "SKU-1:1", "SKU-OUT:1");
    final String declined = api.place("tok_declined", "SKU-11:1");
    final String timedOut = api.place("tok_confirm", "SKU-12:1");
    final String cancelled = api.place("tok_ok", "SKU-5:1");
    final String confirmed = api.place("tok_confirm", "SKU-13:1");

    api.delivered(fulfilled);

    api.awaitStep(cancelled, "AwaitDelivery");
    final MockHttpServletResponse cancellation =
        api.call(post("/api/orders/" + cancelled + "/cancellation"));
    assertThat(cancellation.getStatus()).as(cancellation.getContentAsString()).isEqualTo(202);

    api.awaitStep(confirmed, "AwaitPaymentConfirmation");
    api.sendNewEvent("com.example.payment.confirmed", confirmed, null);
    api.delivered(confirmed);

    timeOutTheConfirmation(timedOut);

    final List<Flow> flows =
        List.of(
            new Flow(
                "fulfilled", fulfilled, List.of(ACCEPTED, PAID, SHIPPED, COMPLETED), null, false),
            Flow.rejected("HIGH_RISK", highRisk),
            Flow.rejected("OUT_OF_STOCK", outOfStock),
            Flow.rejected("PAYMENT_DECLINED", declined),
            // a pending authorization is no payment: no paid event before the rejection
            Flow.rejected("PAYMENT_TIMEOUT", timedOut),
            new Flow(
                "cancelled", cancelled, List.of(ACCEPTED, PAID, SHIPPED, CANCELLED), null, false),
            new Flow(
                "confirmed asynchronously",
                confirmed,
                List.of(ACCEPTED, PAID, SHIPPED, COMPLETED),
                null,
                true));

    // the end event is written in the transaction that ends the order: its status says it is there
    api.awaitStatus(fulfilled, "COMPLETED");
    api.awaitStatus(confirmed, "COMPLETED");
    api.awaitStatus(cancelled, "CANCELLED");
    for (Flow flow : flows) {
      if (flow.reason() != null) {
        final JsonNode order = api.awaitStatus(flow.orderId(), "REJECTED");
        assertThat(order.get("rejectionReason").asText()).as(flow.name()).isEqualTo(flow.reason());
      }
    }

    // the relay has taken every row of these orders: each published, or held for a violation
    final List<String> ids = flows.stream().map(Flow::orderId).toList();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "SELECT COUNT(*) FROM outbox_event WHERE order_id IN (:ids)"
                            + " AND published_at IS NULL AND held_reason IS NULL")
                    .param("ids", ids)
                    .query(Long.class)
                    .single(),
            left -> left == 0);

    final Map<Flow, List<Row>> outbox = new LinkedHashMap<>();
    flows.forEach(flow -> outbox.put(flow, outbox(flow.orderId())));

    // the contract first: every row, of every flow, against its schema
    final List<SchemaOracle.Violation> violations = new ArrayList<>();
    outbox.values().forEach(rows -> rows.forEach(row -> violations.addAll(oracle.violations(row))));
    assertThat(violations)
        .as("outbox rows that break their schema (type, order, JSON pointer, message)")
        .isEmpty();

    final Set<String> seen = new TreeSet<>();
    for (Map.Entry<Flow, List<Row>> entry : outbox.entrySet()) {
      final Flow flow = entry.getKey();
      final List<Row> rows = entry.getValue();
      // distinct: a type may come in several versions (e.g. completed v1 and v2 in a migration)
      assertThat(rows.stream().map(Row::type).distinct().toList())
          .as("event types of the %s order %s", flow.name(), flow.orderId())
          .isEqualTo(flow.types());
      assertThat(rows.stream().map(r -> r.type() + " v" + r.version()))
          .as("one row per type and version of the %s order", flow.name())
          .doesNotHaveDuplicates();
      assertFlowSpecifics(flow, rows);
      rows.forEach(row -> seen.add(row.type() + " v" + row.version()));
    }
    // every version too: completed v1 and v2 both come while the migration window is open
    assertThat(seen)
        .as("every published type and version has a flow here that produces it")
        .containsAll(
            EventSchemas.all().stream()
                .filter(id -> id.type().startsWith(PUBLISHED_PREFIX))
                .map(EventSchemas.SchemaId::toString)
                .toList());
    // and the relay, which validates on publish too, held none of them
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM outbox_event"
                        + " WHERE held_reason IS NOT NULL AND order_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** The oracle is not blind: a completed event with its amount as a string is refused there. */
  @Test
  void theOracleRefusesAnAmountGivenAsAString() throws Exception {
    final Map<String, Object> total = new LinkedHashMap<>(Map.of("currency", "EUR"));
    final Map<String, Object> data =
        new LinkedHashMap<>(Map.of("orderId", "ord_1", "customerId", "c-1", "total", total));

    total.put("amount", 69.80);
    assertThat(oracle.violations(row(COMPLETED, data))).isEmpty();

    total.put("amount", "69.80");
    assertThat(oracle.violations(row(COMPLETED, data)))
        .extracting(SchemaOracle.Violation::pointer)
        .containsExactly("/total/amount");

    // a missing required property is reported at its own pointer
    data.remove("customerId");
    total.put("amount", 69.80);
    assertThat(oracle.violations(row(COMPLETED, data)))
        .extracting(SchemaOracle.Violation::pointer)
        .containsExactly("/customerId");
  }

  /**
   * What the schema cannot say but the flow does: the rejection carries the flow's reason; the paid
   * event says whether the money was captured after a confirmation.
   */
  private void assertFlowSpecifics(final Flow flow, final List<Row> rows) throws Exception {
    for (Row row : rows) {
      final JsonNode data = JSON.readTree(row.data());
      assertThat(data.path("orderId").asText()).as(row.toString()).isEqualTo(flow.orderId());
      switch (row.type()) {
        case REJECTED ->
            assertThat(data.path("reason").asText()).as(flow.name()).isEqualTo(flow.reason());
        case PAID ->
            assertThat(data.path("afterConfirmation").asBoolean())
                .as("afterConfirmation of the %s order", flow.name())
                .isEqualTo(flow.afterConfirmation());
        case CANCELLED ->
            assertThat(data.path("previousStatus").asText()).as(flow.name()).isEqualTo("SHIPPED");
        default -> {}
      }
    }
  }

  /**
   * The order waits for its payment confirmation with the configured timeout (15 minutes). The
   * shared engine's clock must not be moved (every later test of this context would see the
   * engine's time ahead of the app's), so an operator's modification through the app's admin API
   * re-enters the wait with a one-second timeout; the engine's timer then ends the wait as the real
   * one would, and the rejection, its compensation and its event are the app's own.
   */
  private void timeOutTheConfirmation(final String orderId) throws Exception {
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String body =
        JSON.writeValueAsString(
            Map.of(
                "terminate",
                List.of("AwaitPaymentConfirmation"),
                "activate",
                List.of(
                    Map.of(
                        "elementId",
                        "AwaitPaymentConfirmation",
                        "variables",
                        Map.of("paymentConfirmationTimeout", "PT1S")))));
    final MockHttpServletResponse response =
        api.post("/api/admin/orders/" + orderId + "/modification", body);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
  }

  /** Every outbox row of the order, oldest first. */
  private List<Row> outbox(final String orderId) {
    return jdbc.sql(
            "SELECT event_type, schema_version, data FROM outbox_event"
                + " WHERE order_id = :id ORDER BY seq")
        .param("id", orderId)
        .query(
            (rs, n) ->
                new Row(
                    orderId,
                    rs.getString("event_type"),
                    rs.getInt("schema_version"),
                    rs.getString("data")))
        .list();
  }

  private static Row row(final String type, final Map<String, Object> data) throws Exception {
    return new Row("ord_1", type, 1, JSON.writeValueAsString(data));
  }

  /**
   * The schemas of the contracts module, compiled once each by networknt's validator: draft
   * 2020-12, with format assertions on (2020-12 only annotates {@code format} by default, so a
   * malformed {@code date-time} would pass).
   */
  static final class SchemaOracle {

    /**
     * A row's data breaking its schema at {@code pointer} (JSON Pointer into {@code data}, "" for
     * the whole of it).
     */
    record Violation(String type, int version, String orderId, String pointer, String message) {
      @Override
      public String toString() {
        return type
            + " v"
            + version
            + " of "
            + orderId
            + " at "
            + (pointer.isEmpty() ? "(root)" : pointer)
            + ": "
            + message;
      }
    }

    private final SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Map<String, Schema> compiled = new HashMap<>();

    List<Violation> violations(final Row row) {
      final Schema schema = schema(row.type(), row.version());
      final List<Error> errors = schema.validate(row.data(), InputFormat.JSON);
      return errors.stream()
          .map(
              e ->
                  new Violation(
                      row.type(), row.version(), row.orderId(), pointer(e), e.getMessage()))
          .collect(Collectors.toList());
    }

    private Schema schema(final String type, final int version) {
      return compiled.computeIfAbsent(
          type + "/" + version,
          key ->
              registry.getSchema(
                  new ByteArrayInputStream(
                      EventSchemas.read(type, version)
                          .orElseThrow(
                              () ->
                                  new AssertionError(
                                      "the outbox holds "
                                          + type
                                          + " v"
                                          + version
                                          + ", which has no schema in the contracts module"))),
                  InputFormat.JSON));
    }

    /** Where in {@code data}: the instance location, plus the property a "required" misses. */
    private static String pointer(final Error error) {
      final StringBuilder pointer = new StringBuilder();
      final NodePath location = error.getInstanceLocation();
      for (int i = 0; i < location.getNameCount(); i++) {
        pointer.append('/').append(escape(location.getName(i)));
      }
      if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
        pointer.append('/').append(escape(error.getProperty()));
      }
      return pointer.toString();
    }

    private static String escape(final String segment) {
      return segment.replace("~", "~0").replace("/", "~1");
    }
  }
}
