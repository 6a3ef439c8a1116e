package com.example.fulfillment.app.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile and broken requests to {@code POST /api/orders}: each one gets the expected 4xx problem
 * (never a 5xx), and nothing is stored, started or reserved (no new order, no new process instance
 * in the engine's records, the stock of the SKU used here unchanged).
 */
@EmbeddedEngineTest
class HostileInputTest {

  static final String SKU = "SKU-17"; // used by no other test: its stock must not move
  static final String CUSTOMER = "hostile";
  static final String ITEMS = "[{\"sku\": \"" + SKU + "\", \"quantity\": 1}]";

  @Autowired MockMvc mvc;
  @Autowired ZeebeTestEngine engine;
  @Autowired InventoryService inventory;
  @Autowired JdbcClient jdbc;

  record Case(String name, String contentType, String body, int status, String idempotencyKey) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A valid order with one part replaced: {@code field} → {@code json} (raw JSON). */
  static String with(final String field, final String json) {
    final String customer = field.equals("customerId") ? json : "\"" + CUSTOMER + "\"";
    final String items = field.equals("items") ? json : ITEMS;
    final String token = field.equals("paymentToken") ? json : "\"tok_ok\"";
    final String address = field.equals("shippingAddress") ? json : ApiDriver.ADDRESS;
    final String extra = field.equals("extra") ? ", " + json : "";
    String body =
        "{\"customerId\": "
            + customer
            + ", \"items\": "
            + items
            + ", \"paymentToken\": "
            + token
            + ", \"shippingAddress\": "
            + address
            + extra
            + "}";
    if (field.equals("drop")) {
      body = body.replaceFirst(json, "");
    }
    return body;
  }

  /** A valid order whose address has {@code field} replaced by {@code json} (raw JSON). */
  static String withAddress(final String field, final String json) {
    return with(
        "shippingAddress",
        ApiDriver.ADDRESS.replaceFirst(
            "\"" + field + "\": \"[^\"]*\"",
            java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + json)));
  }

  static String item(final String json) {
    return "[" + json + "]";
  }

  /** A valid order whose one line (1 x {@value #SKU}) has the quantity {@code json} (raw JSON). */
  static String quantity(final String json) {
    return with("items", item("{\"sku\": \"SKU-17\", \"quantity\": " + json + "}"));
  }

  static final String JSON = "application/json";

  /** The most common case: a JSON body that is refused as 400 Bad Request. */
  static Case bad(final String name, final String body) {
    return new Case(name, JSON, body, 400, null);
  }

  static Stream<Arguments> cases() {
    final List<Case> c = new ArrayList<>();
    // not JSON, or not an object
    c.add(bad("empty body", ""));
    c.add(bad("whitespace only", "   \n "));
    c.add(bad("open brace", "{"));
    c.add(bad("truncated", with("none", "").substring(0, 60)));
    c.add(bad("JSON array", "[]"));
    c.add(bad("JSON string", "\"order\""));
    c.add(bad("JSON null", "null"));
    c.add(bad("JSON number", "42"));
    c.add(bad("trailing garbage", with("none", "") + " x"));
    c.add(bad("two objects", with("none", "") + with("none", "")));
    c.add(bad("duplicate key", with("extra", "\"customerId\": \"other\"")));
    c.add(bad("single quotes", with("none", "").replace('"', '\'')));
    c.add(bad("comment", "/* hi */" + with("none", "")));
    c.add(bad("deep nesting", with("extra", "\"x\": " + "[".repeat(200) + "]".repeat(200))));
    // unknown fields
    c.add(bad("unknown top-level field", with("extra", "\"discount\": 100")));
    c.add(
        bad(
            "unknown item field",
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 1, \"price\": 0.01}"))));
    c.add(
        bad(
            "unknown address field",
            with("shippingAddress", ApiDriver.ADDRESS.replace("}", ", \"floor\": 3}"))));
    // customerId
    c.add(
        bad(
            "customerId missing",
            "{\"items\": "
                + ITEMS
                + ", \"paymentToken\": \"tok_ok\", \"shippingAddress\": "
                + ApiDriver.ADDRESS
                + "}"));
    c.add(bad("customerId null", with("customerId", "null")));
    c.add(bad("customerId number", with("customerId", "123")));
    c.add(bad("customerId object", with("customerId", "{}")));
    c.add(bad("customerId empty", with("customerId", "\"\"")));
    c.add(bad("customerId blank", with("customerId", "\"   \"")));
    c.add(bad("customerId 65 chars", with("customerId", "\"" + "c".repeat(65) + "\"")));
    c.add(bad("customerId unicode", with("customerId", "\"kündé\"")));
    c.add(bad("customerId newline", with("customerId", "\"c-1\\nX-Injected: 1\"")));
    c.add(bad("customerId SQL", with("customerId", "\"c'; DROP TABLE customer_order;--\"")));
    // items
    c.add(
        bad(
            "items missing",
            "{\"customerId\": \"hostile\", \"paymentToken\": \"tok_ok\", \"shippingAddress\": "
                + ApiDriver.ADDRESS
                + "}"));
    c.add(bad("items null", with("items", "null")));
    c.add(bad("items empty", with("items", "[]")));
    c.add(bad("items object", with("items", "{\"sku\": \"SKU-17\", \"quantity\": 1}")));
    c.add(bad("items string", with("items", "\"SKU-17\"")));
    c.add(
        bad(
            "51 lines",
            with(
                "items",
                "["
                    + String.join(
                        ", ",
                        java.util.Collections.nCopies(51, "{\"sku\": \"SKU-17\", \"quantity\": 1}"))
                    + "]")));
    c.add(bad("null line", with("items", "[null]")));
    c.add(
        bad(
            "duplicate SKUs",
            with(
                "items",
                "[{\"sku\": \"SKU-17\", \"quantity\": 1}, {\"sku\": \"SKU-17\", \"quantity\": 2}]")));
    c.add(bad("sku missing", with("items", item("{\"quantity\": 1}"))));
    c.add(bad("sku lower case", with("items", item("{\"sku\": \"sku-17\", \"quantity\": 1}"))));
    c.add(bad("sku number", with("items", item("{\"sku\": 17, \"quantity\": 1}"))));
    c.add(
        bad(
            "sku 33 chars",
            with("items", item("{\"sku\": \"" + "S".repeat(33) + "\", \"quantity\": 1}"))));
    c.add(bad("sku unicode", with("items", item("{\"sku\": \"SKU-１７\", \"quantity\": 1}"))));
    c.add(
        new Case(
            "sku unknown",
            JSON,
            with("items", item("{\"sku\": \"SKU-404\", \"quantity\": 1}")),
            422,
            null));
    c.add(bad("quantity missing", with("items", item("{\"sku\": \"SKU-17\"}"))));
    c.add(bad("quantity null", quantity("null")));
    c.add(bad("quantity zero", quantity("0")));
    c.add(bad("quantity negative", quantity("-1")));
    c.add(bad("quantity 1001", quantity("1001")));
    c.add(bad("quantity fraction", quantity("1.5")));
    c.add(bad("quantity 2.0", quantity("2.0")));
    c.add(bad("quantity string", quantity("\"2\"")));
    c.add(bad("quantity boolean", quantity("true")));
    c.add(bad("quantity 1e30", quantity("1e30")));
    c.add(bad("quantity beyond long", quantity("99999999999999999999999")));
    c.add(bad("quantity int overflow", quantity("2147483648")));
    c.add(bad("quantity 1000 digits", quantity("9".repeat(1000))));
    c.add(bad("quantity NaN", quantity("NaN")));
    // payment token
    c.add(bad("paymentToken missing", with("paymentToken", "null")));
    c.add(bad("paymentToken number", with("paymentToken", "4111111111111111")));
    c.add(bad("paymentToken spaces", with("paymentToken", "\"tok ok\"")));
    c.add(bad("paymentToken 65 chars", with("paymentToken", "\"" + "t".repeat(65) + "\"")));
    // shipping address
    c.add(
        bad(
            "address missing",
            "{\"customerId\": \"hostile\", \"items\": "
                + ITEMS
                + ", \"paymentToken\": \"tok_ok\"}"));
    c.add(bad("address string", with("shippingAddress", "\"Köln\"")));
    c.add(bad("address empty object", with("shippingAddress", "{}")));
    c.add(bad("country lower case", withAddress("country", "\"de\"")));
    c.add(bad("country XX", withAddress("country", "\"XX\"")));
    c.add(bad("country alpha-3", withAddress("country", "\"DEU\"")));
    c.add(bad("country number", withAddress("country", "276")));
    c.add(bad("name empty", withAddress("name", "\"\"")));
    c.add(bad("name 201 chars", withAddress("name", "\"" + "n".repeat(201) + "\"")));
    c.add(bad("name bell character", withAddress("name", "\"Erika\\u0007\"")));
    c.add(bad("name NUL", withAddress("name", "\"Erika\\u0000\"")));
    c.add(bad("name lone surrogate", withAddress("name", "\"Erika \\ud800\"")));
    c.add(bad("street 60 KB", withAddress("street", "\"" + "s".repeat(60_000) + "\"")));
    c.add(bad("postal code emoji", withAddress("postalCode", "\"\uD83D\uDE00\"")));
    // flags, order id
    c.add(bad("express string", with("extra", "\"express\": \"yes\"")));
    c.add(bad("express number", with("extra", "\"express\": 1")));
    c.add(bad("giftWrap object", with("extra", "\"giftWrap\": {}")));
    c.add(bad("orderId with slash", with("extra", "\"orderId\": \"../ord\"")));
    c.add(bad("orderId 65 chars", with("extra", "\"orderId\": \"" + "o".repeat(65) + "\"")));
    c.add(bad("orderId number", with("extra", "\"orderId\": 7")));
    // headers, size, media types
    c.add(new Case("Idempotency-Key with spaces", JSON, with("none", ""), 400, "key with spaces"));
    c.add(new Case("Idempotency-Key 129 chars", JSON, with("none", ""), 400, "k".repeat(129)));
    c.add(
        new Case(
            "body over 64 KB",
            JSON,
            withAddress("street", "\"" + "s".repeat(70_000) + "\""),
            413,
            null));
    c.add(new Case("text/plain", "text/plain", with("none", ""), 415, null));
    c.add(new Case("application/xml", "application/xml", "<order/>", 415, null));
    c.add(
        new Case(
            "form post", "application/x-www-form-urlencoded", "customerId=hostile", 415, null));
    c.add(new Case("no content type", null, with("none", ""), 415, null));
    return c.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithA4xxProblemAndNothingHappens(final Case c) throws Exception {
    final ProcessRecords records = new ProcessRecords(engine);
    engine.waitForIdleState(Duration.ofSeconds(5));
    final long instancesBefore = records.instancesCreated(Processes.ORDER_FULFILLMENT);
    final StockLevel stockBefore = inventory.stock(SKU).orElseThrow();
    final long ordersBefore = hostileOrders();

    final var request = post("/api/orders").content(c.body());
    if (c.contentType() != null) {
      request.contentType(c.contentType());
    }
    if (c.idempotencyKey() != null) {
      request.header("Idempotency-Key", c.idempotencyKey());
    }
    final MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(c.status());
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"status\":" + c.status())
        .contains("https://fulfillment.example.com/problems/")
        .doesNotContain("Exception")
        .doesNotContain("at com.");
    engine.waitForIdleState(Duration.ofSeconds(5));
    assertThat(records.instancesCreated(Processes.ORDER_FULFILLMENT)).isEqualTo(instancesBefore);
    assertThat(inventory.stock(SKU).orElseThrow()).isEqualTo(stockBefore);
    assertThat(hostileOrders()).isEqualTo(ordersBefore);
  }

  private long hostileOrders() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM customer_order WHERE customer_id = :c OR customer_id LIKE 'c''%'")
        .param("c", CUSTOMER)
        .query(Long.class)
        .single();
  }
}
