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

  static String address(final String field, final String json) {
    return ApiDriver.ADDRESS.replaceFirst(
        "\"" + field + "\": \"[^\"]*\"",
        java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + json));
  }

  static String item(final String json) {
    return "[" + json + "]";
  }

  static final String JSON = "application/json";

  static Stream<Arguments> cases() {
    final List<Case> c = new ArrayList<>();
    // not JSON, or not an object
    c.add(new Case("empty body", JSON, "", 400, null));
    c.add(new Case("whitespace only", JSON, "   \n ", 400, null));
    c.add(new Case("open brace", JSON, "{", 400, null));
    c.add(new Case("truncated", JSON, with("none", "").substring(0, 60), 400, null));
    c.add(new Case("JSON array", JSON, "[]", 400, null));
    c.add(new Case("JSON string", JSON, "\"order\"", 400, null));
    c.add(new Case("JSON null", JSON, "null", 400, null));
    c.add(new Case("JSON number", JSON, "42", 400, null));
    c.add(new Case("trailing garbage", JSON, with("none", "") + " x", 400, null));
    c.add(new Case("two objects", JSON, with("none", "") + with("none", ""), 400, null));
    c.add(new Case("duplicate key", JSON, with("extra", "\"customerId\": \"other\""), 400, null));
    c.add(new Case("single quotes", JSON, with("none", "").replace('"', '\''), 400, null));
    c.add(new Case("comment", JSON, "/* hi */" + with("none", ""), 400, null));
    c.add(
        new Case(
            "deep nesting",
            JSON,
            with("extra", "\"x\": " + "[".repeat(200) + "]".repeat(200)),
            400,
            null));
    // unknown fields
    c.add(new Case("unknown top-level field", JSON, with("extra", "\"discount\": 100"), 400, null));
    c.add(
        new Case(
            "unknown item field",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 1, \"price\": 0.01}")),
            400,
            null));
    c.add(
        new Case(
            "unknown address field",
            JSON,
            with("shippingAddress", ApiDriver.ADDRESS.replace("}", ", \"floor\": 3}")),
            400,
            null));
    // customerId
    c.add(
        new Case(
            "customerId missing",
            JSON,
            "{\"items\": "
                + ITEMS
                + ", \"paymentToken\": \"tok_ok\", \"shippingAddress\": "
                + ApiDriver.ADDRESS
                + "}",
            400,
            null));
    c.add(new Case("customerId null", JSON, with("customerId", "null"), 400, null));
    c.add(new Case("customerId number", JSON, with("customerId", "123"), 400, null));
    c.add(new Case("customerId object", JSON, with("customerId", "{}"), 400, null));
    c.add(new Case("customerId empty", JSON, with("customerId", "\"\""), 400, null));
    c.add(new Case("customerId blank", JSON, with("customerId", "\"   \""), 400, null));
    c.add(
        new Case(
            "customerId 65 chars",
            JSON,
            with("customerId", "\"" + "c".repeat(65) + "\""),
            400,
            null));
    c.add(new Case("customerId unicode", JSON, with("customerId", "\"kündé\""), 400, null));
    c.add(
        new Case(
            "customerId newline", JSON, with("customerId", "\"c-1\\nX-Injected: 1\""), 400, null));
    c.add(
        new Case(
            "customerId SQL",
            JSON,
            with("customerId", "\"c'; DROP TABLE customer_order;--\""),
            400,
            null));
    // items
    c.add(
        new Case(
            "items missing",
            JSON,
            "{\"customerId\": \"hostile\", \"paymentToken\": \"tok_ok\", \"shippingAddress\": "
                + ApiDriver.ADDRESS
                + "}",
            400,
            null));
    c.add(new Case("items null", JSON, with("items", "null"), 400, null));
    c.add(new Case("items empty", JSON, with("items", "[]"), 400, null));
    c.add(
        new Case(
            "items object",
            JSON,
            with("items", "{\"sku\": \"SKU-17\", \"quantity\": 1}"),
            400,
            null));
    c.add(new Case("items string", JSON, with("items", "\"SKU-17\""), 400, null));
    c.add(
        new Case(
            "51 lines",
            JSON,
            with(
                "items",
                "["
                    + String.join(
                        ", ",
                        java.util.Collections.nCopies(51, "{\"sku\": \"SKU-17\", \"quantity\": 1}"))
                    + "]"),
            400,
            null));
    c.add(new Case("null line", JSON, with("items", "[null]"), 400, null));
    c.add(
        new Case(
            "duplicate SKUs",
            JSON,
            with(
                "items",
                "[{\"sku\": \"SKU-17\", \"quantity\": 1}, {\"sku\": \"SKU-17\", \"quantity\": 2}]"),
            400,
            null));
    c.add(new Case("sku missing", JSON, with("items", item("{\"quantity\": 1}")), 400, null));
    c.add(
        new Case(
            "sku lower case",
            JSON,
            with("items", item("{\"sku\": \"sku-17\", \"quantity\": 1}")),
            400,
            null));
    c.add(
        new Case(
            "sku number", JSON, with("items", item("{\"sku\": 17, \"quantity\": 1}")), 400, null));
    c.add(
        new Case(
            "sku 33 chars",
            JSON,
            with("items", item("{\"sku\": \"" + "S".repeat(33) + "\", \"quantity\": 1}")),
            400,
            null));
    c.add(
        new Case(
            "sku unicode",
            JSON,
            with("items", item("{\"sku\": \"SKU-１７\", \"quantity\": 1}")),
            400,
            null));
    c.add(
        new Case(
            "sku unknown",
            JSON,
            with("items", item("{\"sku\": \"SKU-404\", \"quantity\": 1}")),
            422,
            null));
    c.add(
        new Case(
            "quantity missing", JSON, with("items", item("{\"sku\": \"SKU-17\"}")), 400, null));
    c.add(
        new Case(
            "quantity null",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": null}")),
            400,
            null));
    c.add(
        new Case(
            "quantity zero",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 0}")),
            400,
            null));
    c.add(
        new Case(
            "quantity negative",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": -1}")),
            400,
            null));
    c.add(
        new Case(
            "quantity 1001",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 1001}")),
            400,
            null));
    c.add(
        new Case(
            "quantity fraction",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 1.5}")),
            400,
            null));
    c.add(
        new Case(
            "quantity 2.0",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 2.0}")),
            400,
            null));
    c.add(
        new Case(
            "quantity string",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": \"2\"}")),
            400,
            null));
    c.add(
        new Case(
            "quantity boolean",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": true}")),
            400,
            null));
    c.add(
        new Case(
            "quantity 1e30",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 1e30}")),
            400,
            null));
    c.add(
        new Case(
            "quantity beyond long",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 99999999999999999999999}")),
            400,
            null));
    c.add(
        new Case(
            "quantity int overflow",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": 2147483648}")),
            400,
            null));
    c.add(
        new Case(
            "quantity 1000 digits",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": " + "9".repeat(1000) + "}")),
            400,
            null));
    c.add(
        new Case(
            "quantity NaN",
            JSON,
            with("items", item("{\"sku\": \"SKU-17\", \"quantity\": NaN}")),
            400,
            null));
    // payment token
    c.add(new Case("paymentToken missing", JSON, with("paymentToken", "null"), 400, null));
    c.add(
        new Case("paymentToken number", JSON, with("paymentToken", "4111111111111111"), 400, null));
    c.add(new Case("paymentToken spaces", JSON, with("paymentToken", "\"tok ok\""), 400, null));
    c.add(
        new Case(
            "paymentToken 65 chars",
            JSON,
            with("paymentToken", "\"" + "t".repeat(65) + "\""),
            400,
            null));
    // shipping address
    c.add(
        new Case(
            "address missing",
            JSON,
            "{\"customerId\": \"hostile\", \"items\": " + ITEMS + ", \"paymentToken\": \"tok_ok\"}",
            400,
            null));
    c.add(new Case("address string", JSON, with("shippingAddress", "\"Köln\""), 400, null));
    c.add(new Case("address empty object", JSON, with("shippingAddress", "{}"), 400, null));
    c.add(
        new Case(
            "country lower case",
            JSON,
            with("shippingAddress", address("country", "\"de\"")),
            400,
            null));
    c.add(
        new Case(
            "country XX", JSON, with("shippingAddress", address("country", "\"XX\"")), 400, null));
    c.add(
        new Case(
            "country alpha-3",
            JSON,
            with("shippingAddress", address("country", "\"DEU\"")),
            400,
            null));
    c.add(
        new Case(
            "country number", JSON, with("shippingAddress", address("country", "276")), 400, null));
    c.add(
        new Case("name empty", JSON, with("shippingAddress", address("name", "\"\"")), 400, null));
    c.add(
        new Case(
            "name 201 chars",
            JSON,
            with("shippingAddress", address("name", "\"" + "n".repeat(201) + "\"")),
            400,
            null));
    c.add(
        new Case(
            "name bell character",
            JSON,
            with("shippingAddress", address("name", "\"Erika\\u0007\"")),
            400,
            null));
    c.add(
        new Case(
            "name NUL",
            JSON,
            with("shippingAddress", address("name", "\"Erika\\u0000\"")),
            400,
            null));
    c.add(
        new Case(
            "name lone surrogate",
            JSON,
            with("shippingAddress", address("name", "\"Erika \\ud800\"")),
            400,
            null));
    c.add(
        new Case(
            "street 60 KB",
            JSON,
            with("shippingAddress", address("street", "\"" + "s".repeat(60_000) + "\"")),
            400,
            null));
    c.add(
        new Case(
            "postal code emoji",
            JSON,
            with("shippingAddress", address("postalCode", "\"\uD83D\uDE00\"")),
            400,
            null));
    // flags, order id
    c.add(new Case("express string", JSON, with("extra", "\"express\": \"yes\""), 400, null));
    c.add(new Case("express number", JSON, with("extra", "\"express\": 1"), 400, null));
    c.add(new Case("giftWrap object", JSON, with("extra", "\"giftWrap\": {}"), 400, null));
    c.add(
        new Case("orderId with slash", JSON, with("extra", "\"orderId\": \"../ord\""), 400, null));
    c.add(
        new Case(
            "orderId 65 chars",
            JSON,
            with("extra", "\"orderId\": \"" + "o".repeat(65) + "\""),
            400,
            null));
    c.add(new Case("orderId number", JSON, with("extra", "\"orderId\": 7"), 400, null));
    // headers, size, media types
    c.add(new Case("Idempotency-Key with spaces", JSON, with("none", ""), 400, "key with spaces"));
    c.add(new Case("Idempotency-Key 129 chars", JSON, with("none", ""), 400, "k".repeat(129)));
    c.add(
        new Case(
            "body over 64 KB",
            JSON,
            with("shippingAddress", address("street", "\"" + "s".repeat(70_000) + "\"")),
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
