package com.example.fulfillment.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EngineMessages;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.ProcessRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Duplicates arriving all at once have one effect: 50 identical starts, 20 identical events. */
@FaultSuiteTest
class DuplicateDeliveryTest {

  @Autowired MockMvc mvc;
  @Autowired ZeebeTestEngine engine;
  @Autowired OrderService orders;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fiftyConcurrentIdenticalStartsMakeOneOrderAndOneInstance() throws Exception {
    final ApiDriver api = new ApiDriver(mvc);
    final Ledger ledger = new Ledger(orders, inventory, payments);
    final String key = "dup-" + UUID.randomUUID();
    final String body = ApiDriver.body("c-dup", "tok_ok", "SKU-2:3");
    final ProcessRecords records = new ProcessRecords(engine);
    engine.waitForIdleState(Duration.ofSeconds(10));
    final long instancesBefore = records.instancesCreated(Processes.ORDER_FULFILLMENT);

    final List<MockHttpServletResponse> responses =
        all(50, () -> api.post("/api/orders", body, "Idempotency-Key", key));

    final Set<String> orderIds = new HashSet<>();
    for (MockHttpServletResponse response : responses) {
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
      orderIds.add(json.readTree(response.getContentAsString()).get("orderId").asText());
    }
    assertThat(orderIds).hasSize(1);
    final String orderId = orderIds.iterator().next();
    api.awaitStatus(orderId, "COMPLETED");
    engine.waitForIdleState(Duration.ofSeconds(10));
    assertThat(records.instancesCreated(Processes.ORDER_FULFILLMENT) - instancesBefore)
        .isEqualTo(1);
    ledger.assertBalanced(orderIds);
  }

  @Test
  void twentyConcurrentCopiesOfOneEventHaveOneEffect() throws Exception {
    final ApiDriver api = new ApiDriver(mvc);
    final Ledger ledger = new Ledger(orders, inventory, payments);
    final String orderId = api.place("tok_confirm", "SKU-4:1");
    api.awaitStep(orderId, "AwaitPaymentConfirmation");
    final String eventId = "evt-" + UUID.randomUUID();

    final List<MockHttpServletResponse> responses =
        all(20, () -> api.sendEvent(eventId, "com.example.payment.confirmed", orderId, Map.of()));

    final List<String> results = new ArrayList<>();
    for (MockHttpServletResponse response : responses) {
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
      results.add(json.readTree(response.getContentAsString()).get("result").asText());
    }
    assertThat(results).containsOnlyOnce("ACCEPTED").containsOnly("ACCEPTED", "DUPLICATE");
    api.awaitStatus(orderId, "COMPLETED");
    engine.waitForIdleState(Duration.ofSeconds(10));
    assertThat(EngineMessages.published(engine, eventId))
        .as("one message reached the engine")
        .filteredOn(m -> m.getName().equals(Messages.PAYMENT_CONFIRMED))
        .hasSize(1);
    ledger.assertBalanced(List.of(orderId));
  }

  /** Runs {@code n} copies of the call at once (released together) and returns every answer. */
  private static <T> List<T> all(final int n, final Callable<T> call) throws Exception {
    final ExecutorService pool = Executors.newFixedThreadPool(n);
    final CountDownLatch go = new CountDownLatch(1);
    try {
      final List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      final List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get(1, TimeUnit.MINUTES));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
