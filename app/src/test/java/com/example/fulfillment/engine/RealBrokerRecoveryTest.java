package com.example.fulfillment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.payment.Payment;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.PaymentTotals;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.support.RunningApp;
import com.example.fulfillment.support.ZeebeBrokerProcess;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app in {@code remote} mode against a real, durable Zeebe broker (the 8.6.0 distribution,
 * gRPC), which is killed with SIGKILL while orders are in flight and restarted on the same data
 * directory. Proves that every accepted order still ends, and that stock and money add up.
 *
 * <p>Runs with {@code mvn -B verify -Preal-broker}, which unpacks {@code
 * io.camunda:camunda-zeebe:8.6.0:tar.gz} and passes its location in {@value #HOME_PROPERTY};
 * without it the test is skipped, with that reason in the report. Its numbers are printed
 * (look for {@code [real-broker]}) and kept in {@code target/real-broker/report.txt}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RealBrokerRecoveryTest {

  static final String HOME_PROPERTY = "fulfillment.test.zeebe-home";

  private static final Set<OrderStatus> TERMINAL =
      Set.of(OrderStatus.COMPLETED, OrderStatus.REJECTED, OrderStatus.CANCELLED);
  /** Orders accepted and not yet ended when the broker is killed: at least this many. */
  private static final int IN_FLIGHT_AT_KILL = 30;
  /** ... of which at least this many ended already (the kill hits a running system). */
  private static final int ENDED_AT_KILL = 10;
  /** The load stops after this many accepted orders (or {@link #MAX_ATTEMPTS} requests). */
  private static final int ACCEPTED_TARGET = 100;
  private static final int MAX_ATTEMPTS = 1_000;
  private static final Duration ORDER_INTERVAL = Duration.ofMillis(40);
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  private static final List<String> SKUS =
      List.of("SKU-1", "SKU-2", "SKU-3", "SKU-5", "SKU-9", "SKU-11", "SKU-14", "SKU-18");

  private final Map<String, Object> numbers = new LinkedHashMap<>();

  @Test
  void everyAcceptedOrderEndsAfterAKill9OfTheBrokerWithStockAndMoneyConsistent() throws Exception {
    final Path home = distribution();
    final long testStarted = System.nanoTime();
    final Path work = workDirectory();
    final List<String> acceptedOrders = new ArrayList<>();
    try (ZeebeBrokerProcess broker = new ZeebeBrokerProcess(home, work);
        RunningApp app = RunningApp.start("remote", remote(broker))) {

      // 1. The app starts before its cluster: engine DOWN, orders refused, models pending.
      assertThat(engineHealth(app)).isEqualTo("DOWN");
      assertThat(app.placeOrder("c-early", "SKU-1", 1).status()).isEqualTo(503);

      // 2. The broker comes up: the background deployment goes through, the engine is UP.
      long mark = System.nanoTime();
      broker.start();
      numbers.put("first broker start → healthy", broker.awaitHealthy());
      await("engine UP with the models deployed")
          .atMost(Duration.ofSeconds(60))
          .until(() -> "UP".equals(engineHealth(app)));
      numbers.put("first broker start → app's engine UP", since(mark));
      numbers.put("job timeout (camunda.client.worker.defaults.timeout)",
          app.bean(Environment.class).getProperty("camunda.client.worker.defaults.timeout"));

      try (OrderLoad load = new OrderLoad(app); Carrier carrier = new Carrier(app)) {
        load.start();
        carrier.start();

        // 3. kill -9 while orders are in flight.
        await("at least " + IN_FLIGHT_AT_KILL + " accepted orders in flight, " + ENDED_AT_KILL
                + " ended")
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> {
                  final int inFlight = load.inFlight().size();
                  return inFlight >= IN_FLIGHT_AT_KILL
                      && load.accepted().size() - inFlight >= ENDED_AT_KILL;
                });
        final List<String> inFlightAtKill = load.inFlight();
        final List<String> acceptedAtKill = load.accepted();
        final int refusedBeforeKill = load.refused();
        broker.kill();
        final long killed = System.nanoTime();
        load.pause();
        numbers.put("orders accepted before the kill", acceptedAtKill.size());
        numbers.put("of them in flight at the kill", inFlightAtKill.size());
        numbers.put("of them ended before the kill", acceptedAtKill.size() - inFlightAtKill.size());
        numbers.put("order requests answered 503 before the kill (broker backpressure)",
            refusedBeforeKill);

        // 4. The outage: the app stays up, reports the engine DOWN and refuses orders with 503.
        final RunningApp.Response refused = app.placeOrder("c-outage", "SKU-1", 1);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsKey("retry-after");
        await("outage of " + OUTAGE)
            .pollDelay(OUTAGE)
            .atMost(OUTAGE.plusSeconds(30))
            .until(() -> "DOWN".equals(engineHealth(app)));

        // 5. Restart on the same data directory; nothing new comes in until the orders in flight
        //    at the kill have ended (that is the recovery time).
        final long restarted = System.nanoTime();
        numbers.put("broker down (kill → restart)", Duration.ofNanos(restarted - killed));
        broker.start();
        numbers.put("restart → broker healthy", broker.awaitHealthy());
        await("app's engine UP again")
            .atMost(Duration.ofSeconds(120))
            .until(() -> "UP".equals(engineHealth(app)));
        numbers.put("restart → app's engine UP", since(restarted));
        await("first order in flight at the kill ended")
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !load.unended(inFlightAtKill).containsAll(inFlightAtKill));
        numbers.put("restart → first order in flight at the kill ended", since(restarted));
        try {
          await("every order in flight at the kill ended")
              .atMost(Duration.ofMinutes(4))
              .pollInterval(Duration.ofMillis(100))
              .conditionEvaluationListener(
                  c -> {
                    if (!c.isSatisfied() && c.getElapsedTimeInMS() % 30_000 < 100) {
                      System.out.println("[real-broker] still running after "
                          + c.getElapsedTimeInMS() + " ms: "
                          + describe(app, load.unended(inFlightAtKill)));
                    }
                  })
              .until(() -> load.unended(inFlightAtKill).isEmpty());
        } catch (ConditionTimeoutException e) {
          // what CI shows of a failure is this message: say where the orders stand
          throw new AssertionError(e.getMessage() + "; not ended: "
              + describe(app, load.unended(inFlightAtKill)), e);
        }
        numbers.put("restart → every order in flight at the kill ended", since(restarted));

        // 6. New orders after the restart.
        load.resume();
        await(ACCEPTED_TARGET + " orders accepted")
            .atMost(Duration.ofMinutes(2))
            .until(load::finished);
        await("every accepted order ended")
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> ended(app, load.accepted()) && ended(app, startedOrders(app)));
        numbers.put("resume → " + (load.accepted().size() - acceptedAtKill.size())
            + " more orders accepted and ended", since(restarted));
        acceptedOrders.addAll(load.accepted());
        numbers.put("orders accepted in total", acceptedOrders.size());
        numbers.put("order requests answered 503 in total", load.refused());
        numbers.put("order requests answered otherwise", load.otherAnswers());
        // through the kill and the outage the API answers an order either way, never otherwise
        assertThat(load.otherAnswers()).as("answers other than 202 and 503").isEmpty();
      }

      // 6. The books.
      checkOutcomesStockAndMoney(app, acceptedOrders);
    } finally {
      numbers.put("test runtime", since(testStarted));
      report(work);
    }
  }

  private void checkOutcomesStockAndMoney(final RunningApp app, final List<String> acceptedOrders) {
    final OrderService orders = app.bean(OrderService.class);
    final PaymentService payments = app.bean(PaymentService.class);
    final List<Order> all =
        allOrderIds(app).stream().map(id -> orders.find(id).orElseThrow()).toList();
    final Map<OrderStatus, Long> byStatus =
        all.stream()
            .collect(Collectors.groupingBy(Order::status, TreeMap::new, Collectors.counting()));
    numbers.put("orders by status", byStatus);
    numbers.put(
        "rejections by reason",
        all.stream()
            .filter(o -> o.status() == OrderStatus.REJECTED)
            .collect(Collectors.groupingBy(o -> String.valueOf(o.rejectionReason()), TreeMap::new,
                Collectors.counting())));
    final Set<String> accepted = Set.copyOf(acceptedOrders);
    numbers.put(
        "orders answered 503 that reached the engine all the same",
        all.stream()
            .filter(o -> o.processInstanceKey() != null && !accepted.contains(o.orderId()))
            .map(o -> o.orderId() + " " + o.status())
            .toList());
    assertThat(all)
        .as("orders that reached the engine ended")
        .filteredOn(o -> o.processInstanceKey() != null)
        .allSatisfy(o -> assertThat(o.status()).isIn(TERMINAL));

    // Stock: per SKU available + reserved + shipped = initial, nothing left reserved, and exactly
    // the completed orders' quantities shipped.
    final Map<String, Integer> shippedByCompleted = new TreeMap<>();
    all.stream()
        .filter(o -> o.status() == OrderStatus.COMPLETED)
        .flatMap(o -> o.lines().stream())
        .forEach(l -> shippedByCompleted.merge(l.sku(), l.quantity(), Integer::sum));
    final List<StockLevel> stock = app.bean(InventoryService.class).stockLevels();
    assertThat(stock).allSatisfy(s -> assertThat(s.isConserved()).as(s.toString()).isTrue());
    assertThat(stock).allSatisfy(s -> assertThat(s.reserved()).as(s.toString()).isZero());
    assertThat(stock)
        .allSatisfy(
            s ->
                assertThat(s.shipped())
                    .as(s.sku() + " shipped")
                    .isEqualTo(shippedByCompleted.getOrDefault(s.sku(), 0)));
    numbers.put(
        "units shipped (per SKU, = completed orders' quantities)",
        stock.stream()
            .filter(s -> s.shipped() > 0)
            .collect(Collectors.toMap(StockLevel::sku, StockLevel::shipped, (a, b) -> a,
                TreeMap::new)));

    // Money: every completed order paid once and in full; every other order paid nothing net.
    BigDecimal completedTotal = BigDecimal.ZERO;
    for (Order order : all) {
      final Payment payment = payments.find(order.orderId()).orElse(null);
      if (order.status() == OrderStatus.COMPLETED) {
        completedTotal = completedTotal.add(order.total());
        assertThat(payment).as("payment of " + order.orderId()).isNotNull();
        assertThat(payment.capturedAmount()).isEqualByComparingTo(order.total());
        assertThat(payment.refundedAmount()).isEqualByComparingTo(BigDecimal.ZERO);
      } else if (payment != null) {
        assertThat(payment.capturedAmount().subtract(payment.refundedAmount()))
            .as("net payment of " + order.orderId() + " (" + order.status() + ")")
            .isEqualByComparingTo(BigDecimal.ZERO);
      }
    }
    final PaymentTotals totals = payments.totals();
    numbers.put("captured", totals.captured());
    numbers.put("refunded", totals.refunded());
    numbers.put("sum of completed orders' totals", completedTotal);
    assertThat(totals.net()).isEqualByComparingTo(completedTotal);
  }

  // --- the load: orders through the API, and a carrier delivering shipped ones ---------------

  /** Sends order requests at a fixed pace, at most 8 at a time, and keeps their answers. */
  private static final class OrderLoad implements AutoCloseable {

    private final RunningApp app;
    private final OrderService orders;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final Semaphore slots = new Semaphore(8);
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Integer> otherAnswers = new ConcurrentSkipListMap<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    OrderLoad(final RunningApp app) {
      this.app = app;
      this.orders = app.bean(OrderService.class);
    }

    void start() {
      ticker.scheduleAtFixedRate(this::tick, 0, ORDER_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
      if (paused || enough() || !slots.tryAcquire()) {
        return;
      }
      final int n = attempts.incrementAndGet();
      senders.execute(
          () -> {
            try {
              send(n);
            } finally {
              answered.incrementAndGet();
              slots.release();
            }
          });
    }

    private void send(final int n) {
      try {
        final RunningApp.Response response = app.postJson("/api/orders", body(n));
        if (response.status() == 202) {
          accepted.add(response.json().path("orderId").asText());
        } else if (response.status() == 503) {
          refused.incrementAndGet();
        } else {
          otherAnswers.merge("HTTP " + response.status() + " " + abbreviate(response.body()), 1,
              Integer::sum);
        }
      } catch (RuntimeException e) {
        otherAnswers.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
      }
    }

    /**
     * One or two catalog lines (two different SKUs: the API refuses a SKU twice); every fifth
     * order also wants one of the 3 SKU-LOW units.
     */
    private static String body(final int n) {
      final StringBuilder items = new StringBuilder();
      final int first = n % SKUS.size();
      items.append(item(SKUS.get(first), 1 + n % 3));
      if (n % 2 == 0) {
        final int second = (first + 1 + (n / 2) % (SKUS.size() - 1)) % SKUS.size();
        items.append(',').append(item(SKUS.get(second), 1));
      }
      if (n % 5 == 0) {
        items.append(',').append(item("SKU-LOW", 1));
      }
      return "{\"customerId\":\"c-rb-" + (n % 17) + "\",\"items\":[" + items + "],"
          + RunningApp.PAYMENT_AND_ADDRESS + "}";
    }

    private static String abbreviate(final String body) {
      return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String item(final String sku, final int quantity) {
      return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    List<String> accepted() {
      return List.copyOf(accepted);
    }

    void pause() {
      paused = true;
    }

    void resume() {
      paused = false;
    }

    List<String> inFlight() {
      return unended(accepted);
    }

    /** Those of the orders that have not ended. */
    List<String> unended(final List<String> orderIds) {
      return orderIds.stream()
          .filter(id -> !TERMINAL.contains(orders.find(id).orElseThrow().status()))
          .toList();
    }

    int refused() {
      return refused.get();
    }

    /** Answers other than 202 and 503 (and requests without an answer), by kind. */
    Map<String, Integer> otherAnswers() {
      return Map.copyOf(otherAnswers);
    }

    private boolean enough() {
      return accepted.size() >= ACCEPTED_TARGET || attempts.get() >= MAX_ATTEMPTS;
    }

    /** No more requests will be sent, and every one sent has its answer. */
    boolean finished() {
      return enough() && answered.get() == attempts.get();
    }

    @Override
    public void close() throws InterruptedException {
      ticker.shutdownNow();
      senders.shutdown();
      if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    }
  }

  /**
   * Plays the carrier: once an order is SHIPPED, publishes {@code ShipmentDelivered} for it
   * (correlation key and message id: the order id; retried on the next round while the broker
   * is down).
   */
  private static final class Carrier implements AutoCloseable {

    private final OrderService orders;
    private final CamundaClient client;
    private final JdbcClient jdbc;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    Carrier(final RunningApp app) {
      this.orders = app.bean(OrderService.class);
      this.client = app.bean(CamundaClient.class);
      this.jdbc = app.bean(JdbcClient.class);
    }

    void start() {
      ticker.scheduleWithFixedDelay(this::round, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void round() {
      final List<String> shipped =
          jdbc.sql("SELECT order_id FROM customer_order WHERE status = 'SHIPPED'")
              .query(String.class)
              .list();
      for (String orderId : shipped) {
        if (!delivered.contains(orderId) && deliver(orderId)) {
          delivered.add(orderId);
        }
      }
    }

    private boolean deliver(final String orderId) {
      try {
        client
            .newPublishMessageCommand()
            .messageName(Messages.SHIPMENT_DELIVERED)
            .correlationKey(orderId)
            .messageId("delivered-" + orderId)
            .timeToLive(Duration.ofMinutes(10))
            .variable("deliveredAt", Instant.now().toString())
            .send()
            .join(5, TimeUnit.SECONDS);
        return true;
      } catch (ClientStatusException e) {
        return e.getStatusCode() == Status.Code.ALREADY_EXISTS;
      } catch (RuntimeException e) {
        return false; // broker down: next round
      }
    }

    @Override
    public void close() {
      ticker.shutdownNow();
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The unpacked distribution, or the test is skipped with the reason. */
  private static Path distribution() {
    final String property = System.getProperty(HOME_PROPERTY);
    Assumptions.assumeTrue(
        property != null && !property.isBlank(),
        "no Zeebe distribution: the real-broker test runs with `mvn -B verify -Preal-broker`, "
            + "which unpacks io.camunda:camunda-zeebe:8.6.0:tar.gz (system property "
            + HOME_PROPERTY + ")");
    final Path home = Path.of(property);
    Assumptions.assumeTrue(
        Files.isRegularFile(home.resolve("bin/broker")),
        "no Zeebe distribution at " + home + " (bin/broker missing): could not be obtained");
    Assumptions.assumeTrue(
        Runtime.version().feature() >= 21,
        "the Zeebe broker needs a JDK 21+, the test runs on " + Runtime.version());
    return home;
  }

  private static Map<String, Object> remote(final ZeebeBrokerProcess broker) {
    return Map.of(
        "camunda.client.grpc-address", broker.grpcAddress(),
        "camunda.client.rest-address", broker.grpcAddress(),
        "fulfillment.engine.deploy-retry.max", "PT2S",
        "logging.level.io.camunda.client", "ERROR",
        "logging.level.io.grpc", "ERROR");
  }

  private static String engineHealth(final RunningApp app) {
    return app.get("/actuator/health").json().at("/components/engine/status").asText();
  }

  private static boolean ended(final RunningApp app, final List<String> orderIds) {
    final OrderService orders = app.bean(OrderService.class);
    return orderIds.stream()
        .allMatch(id -> TERMINAL.contains(orders.find(id).orElseThrow().status()));
  }

  /** Orders that reached the engine (linked to an instance), including any whose 503 hid it. */
  private static List<String> startedOrders(final RunningApp app) {
    return app.bean(JdbcClient.class)
        .sql("SELECT order_id FROM customer_order WHERE process_instance_key IS NOT NULL")
        .query(String.class)
        .list();
  }

  private static List<String> allOrderIds(final RunningApp app) {
    return app.bean(JdbcClient.class)
        .sql("SELECT order_id FROM customer_order")
        .query(String.class)
        .list();
  }

  private static Duration since(final long nanos) {
    return Duration.ofMillis((System.nanoTime() - nanos) / 1_000_000);
  }

  private static Path workDirectory() throws IOException {
    final String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    return Files.createDirectories(Path.of("target", "real-broker", stamp)).toAbsolutePath();
  }

  private void report(final Path work) {
    final List<String> lines = new ArrayList<>();
    lines.add("[real-broker] Zeebe " + Path.of(System.getProperty(HOME_PROPERTY)).getFileName()
        + ", outage " + OUTAGE + ", broker logs in " + work);
    numbers.forEach((k, v) -> lines.add("[real-broker] " + k + ": " + format(v)));
    lines.forEach(System.out::println);
    try {
      Files.write(work.getParent().resolve("report.txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(final Object value) {
    return value instanceof Duration d ? String.format("%.1f s", d.toMillis() / 1000.0)
        : String.valueOf(value);
  }

  /** Status, process view and the last steps of each order, for the log when orders do not end. */
  private static String describe(final RunningApp app, final List<String> orderIds) {
    final OrderService orders = app.bean(OrderService.class);
    return orderIds.stream()
        .map(id -> {
          final var timeline = app.get("/api/orders/" + id + "/timeline").json().path("events");
          final List<String> last = new ArrayList<>();
          for (int i = Math.max(0, timeline.size() - 3); i < timeline.size(); i++) {
            last.add(timeline.get(i).toString());
          }
          return id + "=" + orders.find(id).map(o -> o.status().name()).orElse("?")
              + " process " + app.get("/api/orders/" + id).json().path("process")
              + " last steps " + last;
        })
        .toList()
        .toString();
  }

}
