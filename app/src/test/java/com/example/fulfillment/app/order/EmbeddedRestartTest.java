package com.example.fulfillment.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.FulfillmentApplication;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.support.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded engine forgets everything when the app stops: two app contexts one after the other
 * on the same (H2) database. The second restarts the unfinished orders' processes, and they finish
 * without anything being reserved or charged twice.
 */
class EmbeddedRestartTest {

  static final Duration WAIT = Duration.ofSeconds(40);

  static ConfigurableApplicationContext start(final String db, final String carrierDelay) {
    // command-line arguments: they win over application.yaml (builder properties would not)
    return new SpringApplicationBuilder(FulfillmentApplication.class)
        .run(
            "--server.port=0",
            "--fulfillment.engine.embedded.port=0",
            "--spring.datasource.url=jdbc:h2:mem:"
                + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "--fulfillment.workers.retry-backoff.initial=PT0.1S",
            "--fulfillment.workers.retry-backoff.max=PT0.5S",
            "--fulfillment.sandbox.carrier.delivery-delay=" + carrierDelay);
  }

  static OrderStatus status(final ConfigurableApplicationContext ctx, final String orderId) {
    return ctx.getBean(OrderService.class).find(orderId).orElseThrow().status();
  }

  static String place(
      final ConfigurableApplicationContext ctx, final String token, final String sku) {
    return ctx.getBean(OrderIntake.class)
        .place(
            new NewOrder(
                "restart-test",
                "k-" + UUID.randomUUID(),
                "h",
                new PlaceOrder(
                    "ord_" + UUID.randomUUID(),
                    "c-restart",
                    List.of(new PlaceOrder.Line(sku, 2)),
                    token,
                    Fixture.DEMO_ADDRESS,
                    false,
                    false,
                    false,
                    "restart-test")))
        .order()
        .orderId();
  }

  @Test
  void unfinishedOrdersAreRestartedAndNothingHappensTwice() {
    final String db = "restart-" + UUID.randomUUID();
    final String waitingForPayment;
    final String inDelivery;
    final StockLevel stockBefore;
    final Long oldKey;
    try (ConfigurableApplicationContext first = start(db, "0")) {
      stockBefore = first.getBean(InventoryService.class).stock("SKU-9").orElseThrow();
      waitingForPayment = place(first, "tok_confirm", "SKU-9");
      inDelivery = place(first, "tok_ok", "SKU-9");
      await()
          .atMost(WAIT)
          .until(
              () -> status(first, waitingForPayment) == OrderStatus.AWAITING_PAYMENT_CONFIRMATION);
      await().atMost(WAIT).until(() -> status(first, inDelivery) == OrderStatus.SHIPPED);
      oldKey =
          first.getBean(OrderService.class).find(inDelivery).orElseThrow().processInstanceKey();
      assertThat(oldKey).isNotNull();
    }

    try (ConfigurableApplicationContext second = start(db, "PT0.3S")) {
      // the sandbox carrier delivers the restarted order by itself
      await().atMost(WAIT).until(() -> status(second, inDelivery) == OrderStatus.COMPLETED);
      // the other one waits for its payment again, then completes
      await()
          .atMost(WAIT)
          .until(
              () ->
                  second.getBean(Timeline.class).of(waitingForPayment).stream()
                      .anyMatch(
                          e ->
                              "AwaitPaymentConfirmation".equals(e.element().id())
                                  && e.kind() == TimelineEntry.Kind.ELEMENT_ENTERED
                                  && e.engineRun() != null
                                  && second.getBean(Timeline.class).of(waitingForPayment).stream()
                                      .anyMatch(
                                          r -> r.kind() == TimelineEntry.Kind.PROCESS_RESTARTED)));
      second
          .getBean(EventIngress.class)
          .accept(
              new IncomingEvent(
                  "1.0",
                  "confirm-" + UUID.randomUUID(),
                  "urn:test",
                  "com.example.payment.confirmed",
                  waitingForPayment,
                  null,
                  null,
                  null));
      await().atMost(WAIT).until(() -> status(second, waitingForPayment) == OrderStatus.COMPLETED);

      final PaymentService payments = second.getBean(PaymentService.class);
      for (String orderId : List.of(waitingForPayment, inDelivery)) {
        final var order = second.getBean(OrderService.class).find(orderId).orElseThrow();
        assertThat(payments.find(orderId).orElseThrow().capturedAmount())
            .isEqualByComparingTo(order.total());
        assertThat(second.getBean(InventoryService.class).reservations(orderId)).hasSize(1);
        assertThat(second.getBean(Timeline.class).of(orderId))
            .anyMatch(e -> e.kind() == TimelineEntry.Kind.PROCESS_RESTARTED);
      }
      final StockLevel stockAfter =
          second.getBean(InventoryService.class).stock("SKU-9").orElseThrow();
      assertThat(stockAfter.shipped() - stockBefore.shipped()).isEqualTo(4);
      assertThat(stockAfter.reserved()).isEqualTo(stockBefore.reserved());
      assertThat(Fixture.conserved(stockAfter)).isTrue();
    }
  }
}
