package com.example.fulfillment.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.app.faults.Faults.Kind;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Zeebe delivers jobs at least once. Whatever the delivery does — a job handled twice (lost
 * completion), a worker that dies right after its effect, a worker stuck past the job timeout while
 * the engine hands the job to another — every order ends once, with one charge, one reservation per
 * line and one refund.
 */
@FaultSuiteTest
class RedeliveryAndCrashTest {

  @Autowired MockMvc mvc;
  @Autowired Faults faults;
  @Autowired OrderService orders;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;

  @Autowired ApiDriver api;

  @AfterEach
  void heal() {
    faults.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void everyOrderEndsOnceWithBalancedBooks(final Kind kind) throws Exception {
    if (kind == Kind.STALL_UNTIL_REDELIVERED) {
      // the charge is the step whose double execution would cost money; its job timeout is 2 s
      faults.inject(kind, JobTypes.CHARGE_PAYMENT);
    } else {
      faults.inject(kind, allJobTypes());
    }
    final Ledger ledger = new Ledger(orders, inventory, payments);
    final Map<String, String> expected = new LinkedHashMap<>();

    expected.put(api.place("tok_ok", "SKU-1:2"), "COMPLETED");
    expected.put(api.place("tok_ok", "SKU-3:1", "SKU-4:2", "SKU-5:1"), "COMPLETED");
    expected.put(api.place("tok_flaky", "SKU-6:1"), "COMPLETED");
    expected.put(api.place("tok_ok", "SKU-7:1", "SKU-OUT:1"), "REJECTED");
    expected.put(api.place("tok_declined", "SKU-8:1"), "REJECTED");
    final String pendingThenCancelled = api.place("tok_confirm", "SKU-9:1");
    expected.put(pendingThenCancelled, "CANCELLED");
    final String pendingThenDeclined = api.place("tok_confirm", "SKU-10:1");
    expected.put(pendingThenDeclined, "REJECTED");
    final String cancelledInDelivery = api.place("tok_confirm", "SKU-11:1", "SKU-12:1");
    expected.put(cancelledInDelivery, "CANCELLED");

    api.awaitStep(pendingThenCancelled, "AwaitPaymentConfirmation");
    assertThat(api.post("/api/orders/" + pendingThenCancelled + "/cancellation", "").getStatus())
        .isEqualTo(202);
    api.awaitStep(pendingThenDeclined, "AwaitPaymentConfirmation");
    api.sendNewEvent("com.example.payment.declined", pendingThenDeclined, Map.of());
    // captured, reserved and shipped, then cancelled while the carrier is still on its way
    api.awaitStep(cancelledInDelivery, "AwaitPaymentConfirmation");
    api.sendNewEvent("com.example.payment.confirmed", cancelledInDelivery, Map.of());
    api.awaitStep(cancelledInDelivery, "AwaitDelivery");
    assertThat(api.post("/api/orders/" + cancelledInDelivery + "/cancellation", "").getStatus())
        .isEqualTo(202);

    for (Map.Entry<String, String> order : expected.entrySet()) {
      assertThat(
              api.awaitStatus(order.getKey(), "COMPLETED", "REJECTED", "CANCELLED")
                  .get("status")
                  .asText())
          .as(order.getKey())
          .isEqualTo(order.getValue());
    }
    assertThat(faults.injected()).as("the fault struck").isPositive();
    ledger.assertBalanced(expected.keySet());
    assertThat(payments.find(cancelledInDelivery).orElseThrow().refundedAmount())
        .as("the captured payment was refunded (once)")
        .isEqualByComparingTo(orders.find(cancelledInDelivery).orElseThrow().total());
  }

  private static String[] allJobTypes() {
    final List<String> types = new ArrayList<>();
    Arrays.stream(JobTypes.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .forEach(
            f -> {
              try {
                types.add((String) f.get(null));
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            });
    return types.toArray(String[]::new);
  }
}
