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

  /**
   * Bodies refused with 400, one a row: name | part | raw JSON. The part is {@code body} (the JSON
   * is the whole body), a top-level field of a valid order, {@code extra} (one more member), {@code
   * item} (the one line), {@code quantity} (of the one line) or {@code address.<field>}.
   */
  static final String BAD_BODIES =
      """
      empty body              | body               |
      open brace              | body               | {
      JSON array              | body               | []
      JSON string             | body               | "order"
      JSON null               | body               | null
      JSON number             | body               | 42
      duplicate key           | extra              | "customerId": "other"
      unknown top-level field | extra              | "discount": 100
      unknown item field      | item               | {"sku": "SKU-17", "quantity": 1, "price": 0.01}
      customerId null         | customerId         | null
      customerId number       | customerId         | 123
      customerId object       | customerId         | {}
      customerId empty        | customerId         | ""
      customerId blank        | customerId         | "   "
      customerId unicode      | customerId         | "kündé"
      customerId newline      | customerId         | "c-1\\nX-Injected: 1"
      customerId SQL          | customerId         | "c'; DROP TABLE customer_order;--"
      items null              | items              | null
      items empty             | items              | []
      items object            | items              | {"sku": "SKU-17", "quantity": 1}
      items string            | items              | "SKU-17"
      null line               | items              | [null]
      duplicate SKUs          | items              | [{"sku": "SKU-17", "quantity": 1}, {"sku": "SKU-17", "quantity": 2}]
      sku missing             | item               | {"quantity": 1}
      sku lower case          | item               | {"sku": "sku-17", "quantity": 1}
      sku number              | item               | {"sku": 17, "quantity": 1}
      sku unicode             | item               | {"sku": "SKU-１７", "quantity": 1}
      quantity missing        | item               | {"sku": "SKU-17"}
      quantity null           | quantity           | null
      quantity zero           | quantity           | 0
      quantity negative       | quantity           | -1
      quantity 1001           | quantity           | 1001
      quantity fraction       | quantity           | 1.5
      quantity 2.0            | quantity           | 2.0
      quantity string         | quantity           | "2"
      quantity boolean        | quantity           | true
      quantity 1e30           | quantity           | 1e30
      quantity beyond long    | quantity           | 99999999999999999999999
      quantity int overflow   | quantity           | 2147483648
      quantity NaN            | quantity           | NaN
      paymentToken missing    | paymentToken       | null
      paymentToken number     | paymentToken       | 4111111111111111
      paymentToken spaces     | paymentToken       | "tok ok"
      address string          | shippingAddress    | "Köln"
      address empty object    | shippingAddress    | {}
      country lower case      | address.country    | "de"
      country XX              | address.country    | "XX"
      country alpha-3         | address.country    | "DEU"
      country number          | address.country    | 276
      name empty              | address.name       | ""
      name bell character     | address.name       | "Erika\\u0007"
      name NUL                | address.name       | "Erika\\u0000"
      name lone surrogate     | address.name       | "Erika \\ud800"
      postal code emoji       | address.postalCode | "\uD83D\uDE00"
      express string          | extra              | "express": "yes"
      express number          | extra              | "express": 1
      giftWrap object         | extra              | "giftWrap": {}
      orderId with slash      | extra              | "orderId": "../ord"
      orderId number          | extra              | "orderId": 7
      """;

  /** A row of {@link #BAD_BODIES} as its case. */
  static Case badBody(final String row) {
    final String[] cells = row.split("\\|", 3);
    final String part = cells[1].strip();
    final String json = cells[2].strip();
    final String body =
        switch (part) {
          case "body" -> json;
          case "item" -> with("items", item(json));
          case "quantity" -> quantity(json);
          default ->
              part.startsWith("address.")
                  ? withAddress(part.substring("address.".length()), json)
                  : with(part, json);
        };
    return bad(cells[0].strip(), body);
  }

  /** A JSON string of {@code n} times {@code c}. */
  static String longString(final int n, final String c) {
    return "\"" + c.repeat(n) + "\"";
  }

  static Stream<Arguments> cases() {
    final List<Case> c =
        new ArrayList<>(BAD_BODIES.lines().map(HostileInputTest::badBody).toList());
    final String valid = with("none", "");
    // not JSON, or not an object, built from a valid order
    c.add(bad("whitespace only", "   \n "));
    c.add(bad("truncated", valid.substring(0, 60)));
    c.add(bad("trailing garbage", valid + " x"));
    c.add(bad("two objects", valid + valid));
    c.add(bad("single quotes", valid.replace('"', '\'')));
    c.add(bad("comment", "/* hi */" + valid));
    c.add(bad("deep nesting", with("extra", "\"x\": " + "[".repeat(200) + "]".repeat(200))));
    c.add(
        bad(
            "unknown address field",
            with("shippingAddress", ApiDriver.ADDRESS.replace("}", ", \"floor\": 3}"))));
    // a required part missing
    c.add(bad("customerId missing", valid.replace("\"customerId\": \"" + CUSTOMER + "\", ", "")));
    c.add(bad("items missing", valid.replace("\"items\": " + ITEMS + ", ", "")));
    c.add(bad("address missing", valid.replace(", \"shippingAddress\": " + ApiDriver.ADDRESS, "")));
    // too long or too many
    c.add(bad("customerId 65 chars", with("customerId", longString(65, "c"))));
    c.add(bad("paymentToken 65 chars", with("paymentToken", longString(65, "t"))));
    c.add(bad("orderId 65 chars", with("extra", "\"orderId\": " + longString(65, "o"))));
    c.add(
        bad(
            "sku 33 chars",
            with("items", item("{\"sku\": " + longString(33, "S") + ", \"quantity\": 1}"))));
    c.add(bad("name 201 chars", withAddress("name", longString(201, "n"))));
    c.add(bad("street 60 KB", withAddress("street", longString(60_000, "s"))));
    c.add(bad("quantity 1000 digits", quantity("9".repeat(1000))));
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
    // other answers than 400
    c.add(
        new Case(
            "sku unknown",
            JSON,
            with("items", item("{\"sku\": \"SKU-404\", \"quantity\": 1}")),
            422,
            null));
    c.add(new Case("Idempotency-Key with spaces", JSON, valid, 400, "key with spaces"));
    c.add(new Case("Idempotency-Key 129 chars", JSON, valid, 400, "k".repeat(129)));
    c.add(
        new Case(
            "body over 64 KB", JSON, withAddress("street", longString(70_000, "s")), 413, null));
    c.add(new Case("text/plain", "text/plain", valid, 415, null));
    c.add(new Case("application/xml", "application/xml", "<order/>", 415, null));
    c.add(
        new Case(
            "form post", "application/x-www-form-urlencoded", "customerId=hostile", 415, null));
    c.add(new Case("no content type", null, valid, 415, null));
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
