package com.example.fulfillment.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 500+ mixed orders (every payment token, out-of-stock lines, payment events, cancellations at
 * random moments, deliberate outages) all reach exactly one terminal state, and afterwards the
 * books balance: stock per SKU, money per order, and no incident left but the deliberate ones,
 * which an operator then resolves.
 */
@FaultSuiteTest
class LoadInvariantsTest {

  private static final int ORDERS = Integer.getInteger("fault.orders", 520);
  private static final long SEED = 20261123L;

  @Autowired MockMvc mvc;
  @Autowired OrderService orders;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;
  @Autowired CamundaClient client;
  @Autowired ZeebeTestEngine engine;

  /** What the scenario does to an order after placing it. */
  enum Plan {
    HAPPY,
    TWO_LINES,
    FLAKY,
    OUT_OF_STOCK,
    DECLINED,
    CONFIRMED_BY_EVENT,
    DECLINED_BY_EVENT,
    CANCELLED_AT_RANDOM,
    OUTAGE
  }

  @Test
  void mixedLoadEndsEveryOrderOnceWithBalancedBooks() throws Exception {
    final ApiDriver api = new ApiDriver(mvc);
    final Ledger ledger = new Ledger(orders, inventory, payments);
    final Random random = new Random(SEED);
    final Map<String, Plan> plans = new ConcurrentHashMap<>();
    final ExecutorService clients = Executors.newFixedThreadPool(8);
    final ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
    final List<Future<?>> placed = new ArrayList<>();
    try {
      for (int i = 0; i < ORDERS; i++) {
        final Plan plan = i < 5 ? Plan.OUTAGE : pick(random);
        // SKU-1..17 cost under 130 EUR: the fraud rule sends a first order above 1,000 EUR away
        final int sku = 1 + random.nextInt(17);
        final long cancelAfterMillis = random.nextInt(3_000);
        placed.add(
            clients.submit(
                () -> {
                  final String orderId = place(api, plan, sku);
                  plans.put(orderId, plan);
                  switch (plan) {
                    case CONFIRMED_BY_EVENT ->
                        later.schedule(
                            () -> event(api, "com.example.payment.confirmed", orderId),
                            cancelAfterMillis,
                            TimeUnit.MILLISECONDS);
                    case DECLINED_BY_EVENT ->
                        later.schedule(
                            () -> event(api, "com.example.payment.declined", orderId),
                            cancelAfterMillis,
                            TimeUnit.MILLISECONDS);
                    case CANCELLED_AT_RANDOM ->
                        later.schedule(
                            () -> cancel(api, orderId), cancelAfterMillis, TimeUnit.MILLISECONDS);
                    default -> {}
                  }
                  return orderId;
                }));
      }
      for (Future<?> f : placed) {
        f.get(2, TimeUnit.MINUTES);
      }

      final Set<String> outages =
          plans.entrySet().stream()
              .filter(e -> e.getValue() == Plan.OUTAGE)
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      final ProcessRecords records = new ProcessRecords(engine);
      // The deliberate outages end in incidents (the provider fails every retry)...
      for (String orderId : outages) {
        final long instance = orders.find(orderId).orElseThrow().processInstanceKey();
        await(orderId + " incident")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .conditionEvaluationListener(
                c -> {
                  if (!c.isSatisfied() && c.getElapsedTimeInMS() > 30_000) {
                    System.out.println("waiting: " + orders.find(orderId).orElseThrow());
                  }
                })
            .until(() -> !records.incidentsCreated(instance).isEmpty());
      }
      // ...everything else ends by itself.
      await("every other order ended")
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> unfinished(plans.keySet()).stream().allMatch(outages::contains));

      // An operator fixes the outage: retries back, incident resolved; the orders complete.
      for (String orderId : outages) {
        final long instance = orders.find(orderId).orElseThrow().processInstanceKey();
        for (Record<IncidentRecordValue> incident : records.incidentsCreated(instance)) {
          client.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(1).send().join();
          client.newResolveIncidentCommand(incident.getKey()).send().join();
        }
      }
      await("outages resolved")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> unfinished(plans.keySet()).isEmpty());
    } finally {
      clients.shutdownNow();
      later.shutdownNow();
    }

    assertThat(plans).hasSize(ORDERS);
    final Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);
    for (Map.Entry<String, Plan> e : plans.entrySet()) {
      final Order order = orders.find(e.getKey()).orElseThrow();
      byStatus.merge(order.status(), 1, Integer::sum);
      switch (e.getValue()) {
        case HAPPY, TWO_LINES, FLAKY, CONFIRMED_BY_EVENT, OUTAGE ->
            assertThat(order.status())
                .as("%s %s", e.getValue(), e.getKey())
                .isEqualTo(OrderStatus.COMPLETED);
        case OUT_OF_STOCK, DECLINED, DECLINED_BY_EVENT ->
            assertThat(order.status())
                .as("%s %s", e.getValue(), e.getKey())
                .isEqualTo(OrderStatus.REJECTED);
        case CANCELLED_AT_RANDOM ->
            // a cancellation that arrives after delivery is refused (409): then it completed
            assertThat(order.status())
                .as("%s %s", e.getValue(), e.getKey())
                .isIn(OrderStatus.CANCELLED, OrderStatus.COMPLETED);
      }
    }
    System.out.println("LoadInvariantsTest: " + ORDERS + " orders ended as " + byStatus);
    ledger.assertBalanced(plans.keySet());
    assertThat(openIncidents(new ProcessRecords(engine), plans.keySet()))
        .as("no incident left")
        .isZero();
  }

  private static Plan pick(final Random random) {
    final Plan[] regular = {
      Plan.HAPPY,
      Plan.HAPPY,
      Plan.HAPPY,
      Plan.TWO_LINES,
      Plan.FLAKY,
      Plan.OUT_OF_STOCK,
      Plan.DECLINED,
      Plan.CONFIRMED_BY_EVENT,
      Plan.DECLINED_BY_EVENT,
      Plan.CANCELLED_AT_RANDOM,
      Plan.CANCELLED_AT_RANDOM
    };
    return regular[random.nextInt(regular.length)];
  }

  private static String place(final ApiDriver api, final Plan plan, final int sku)
      throws Exception {
    final String line = "SKU-" + sku + ":1";
    final String other = "SKU-" + (sku % 17 + 1) + ":2";
    return switch (plan) {
      case HAPPY, CANCELLED_AT_RANDOM -> api.place("tok_ok", line);
      case TWO_LINES -> api.place("tok_ok", line, other);
      case FLAKY -> api.place("tok_flaky", line);
      case OUT_OF_STOCK -> api.place("tok_ok", line, "SKU-OUT:1");
      case DECLINED -> api.place("tok_declined", line);
      case CONFIRMED_BY_EVENT, DECLINED_BY_EVENT -> api.place("tok_confirm", line);
      case OUTAGE -> api.place("tok_outage", line);
    };
  }

  private static void event(final ApiDriver api, final String type, final String orderId) {
    try {
      // the confirmation may arrive before the order waits for it: the engine buffers it
      api.sendEvent("evt-" + UUID.randomUUID(), type, orderId, Map.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void cancel(final ApiDriver api, final String orderId) {
    try {
      api.post("/api/orders/" + orderId + "/cancellation", "");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> unfinished(final Set<String> orderIds) {
    return orderIds.stream()
        .filter(id -> !orders.find(id).orElseThrow().status().isTerminal())
        .toList();
  }

  private long openIncidents(final ProcessRecords records, final Set<String> orderIds) {
    return orderIds.stream()
        .map(id -> orders.find(id).orElseThrow().processInstanceKey())
        .mapToLong(instance -> records.openIncidents(instance).size())
        .sum();
  }
}
