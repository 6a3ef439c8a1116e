package com.example.fulfillment.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.fulfillment.common.Causation;
import com.example.fulfillment.inventory.ReservationResult;
import com.example.fulfillment.inventory.ReservationStatus;
import com.example.fulfillment.inventory.ReserveLine;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.OrderEndedException;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEventTypes;
import com.example.fulfillment.order.OrderEvents;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.order.PublishedVersions;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.order.SalesTax;
import com.example.fulfillment.order.UnknownSkuException;
import com.example.fulfillment.order.Validation;
import com.example.fulfillment.order.jdbc.JdbcOrderEventOutbox;
import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.payment.PaymentProviderUnavailableException;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.payment.jdbc.JdbcPaymentRepository;
import com.example.fulfillment.payment.sandbox.SandboxPaymentProvider;
import com.example.fulfillment.shipping.Shipment;
import com.example.fulfillment.shipping.ShipmentStatus;
import com.example.fulfillment.shipping.ShippingMethod;
import com.example.fulfillment.support.Concurrently;
import com.example.fulfillment.support.Fixture;
import com.example.fulfillment.support.FixtureTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The domain services on a real, migrated database: behaviour, idempotency (same call twice, and 10
 * threads at once) and the conservation invariants. Runs on H2 ({@link H2PersistenceTest}) and on
 * PostgreSQL when reachable ({@link PostgresPersistenceTest}).
 */
abstract class PersistenceScenarios extends FixtureTest {

  static final String TOK_OK = SandboxPaymentProvider.TOK_OK;
  static final ObjectMapper JSON = new ObjectMapper();

  // ------------------------------------------------------------------------------------------
  // Orders

  @Test
  void demoCatalogIsSeeded() {
    final Map<String, StockLevel> stock = f.stock();
    for (int i = 1; i <= 20; i++) {
      assertThat(stock.get("SKU-" + i).initial()).isGreaterThanOrEqualTo(100_000);
    }
    assertThat(stock.get("SKU-OUT").initial()).isZero();
    assertThat(f.catalog.find("SKU-1"))
        .hasValueSatisfying(
            i -> {
              assertThat(i.unitPrice()).isEqualByComparingTo("14.90");
              assertThat(i.currency()).isEqualTo("EUR");
            });
    assertThat(f.catalog.products()).hasSize(22);
  }

  @Test
  void orderIsPricedFromTheCatalog() {
    final Order order = f.place(TOK_OK, "SKU-1:2", "SKU-5:1");

    assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
    assertThat(order.total()).isEqualByComparingTo("158.80");
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.totalWeightKg()).isEqualByComparingTo("4.8");
    assertThat(order.lines())
        .extracting(l -> l.lineNo() + " " + l.sku() + " " + l.lineTotal())
        .containsExactly("1 SKU-1 29.80", "2 SKU-5 129.00");
    assertThat(order.paymentToken()).isEqualTo(TOK_OK);
    assertThat(order.shippingAddress()).isEqualTo(Fixture.ADDRESS);
    assertThat(order.correlationId()).isEqualTo("corr-test");
    assertThat(order.toString()).doesNotContain(TOK_OK);
  }

  @Test
  void placingTheSameOrderAgainReturnsTheFirst() {
    final PlaceOrder command =
        Fixture.command("ord_" + UUID.randomUUID(), "c-2", TOK_OK, "SKU-2:1");
    final Order first = f.orders.place(command);
    final Order again = f.orders.place(command);

    assertThat(again).isEqualTo(first);
    assertThat(f.count("customer_order", first.orderId())).isEqualTo(1);
    assertThat(f.count("order_line", first.orderId())).isEqualTo(1);
  }

  @Test
  void concurrentPlacementsOfOneOrderStoreItOnce() {
    final PlaceOrder command =
        Fixture.command("ord_" + UUID.randomUUID(), "c-2", TOK_OK, "SKU-2:3");
    final List<Order> placed = Concurrently.run(10, i -> f.orders.place(command));

    assertThat(new HashSet<>(placed)).hasSize(1);
    assertThat(f.count("customer_order", command.orderId())).isEqualTo(1);
  }

  @Test
  void aTakenOrderIdWithOtherContentConflicts() {
    final String id = "ord_" + UUID.randomUUID();
    f.orders.place(Fixture.command(id, "c-2", TOK_OK, "SKU-2:1"));

    assertThatThrownBy(() -> f.orders.place(Fixture.command(id, "c-2", TOK_OK, "SKU-2:2")))
        .isInstanceOf(OrderConflictException.class);
  }

  @Test
  void unknownSkuIsRefusedAndNothingIsStored() {
    final String id = "ord_" + UUID.randomUUID();
    assertThatThrownBy(
            () -> f.orders.place(Fixture.command(id, "c-2", TOK_OK, "SKU-1:1", "SKU-404:1")))
        .isInstanceOf(UnknownSkuException.class)
        .hasMessageContaining("SKU-404");
    assertThat(f.orders.find(id)).isEmpty();
  }

  @Test
  void theFirstProcessInstanceLinkWins() {
    final Order order = f.place(TOK_OK, "SKU-3:1");
    f.orders.recordProcessInstance(order.orderId(), 111L);
    f.orders.recordProcessInstance(order.orderId(), 222L);

    assertThat(f.orders.find(order.orderId()).orElseThrow().processInstanceKey()).isEqualTo(111L);
    assertThat(f.linked)
        .filteredOn(o -> o.orderId().equals(order.orderId()))
        .extracting(Order::processInstanceKey)
        .containsExactly(111L, 111L);
  }

  @Test
  void validationCountsTheCustomersCompletedOrdersOnce() {
    final String customer = "c-" + UUID.randomUUID();
    final Order earlier = f.placeFor(customer, TOK_OK, "SKU-1:1");
    f.orders.complete(earlier.orderId());
    final Order order = f.placeFor(customer, TOK_OK, "SKU-4:2");

    final Validation first = f.orders.validate(order.orderId(), 9L);
    final Order another = f.placeFor(customer, TOK_OK, "SKU-1:1");
    f.orders.complete(another.orderId());
    final Validation again = f.orders.validate(order.orderId(), 9L);

    assertThat(first)
        .isEqualTo(new Validation.Valid(new BigDecimal("79.80"), "EUR", new BigDecimal("0.800"), 1))
        .isEqualTo(again);
    final Order validated = f.orders.find(order.orderId()).orElseThrow();
    assertThat(validated.status()).isEqualTo(OrderStatus.VALIDATED);
    assertThat(validated.processInstanceKey()).isEqualTo(9L);
  }

  @Test
  void anUnknownOrEndedOrderIsInvalid() {
    assertThat(f.orders.validate("ord_missing", 1L)).isInstanceOf(Validation.Invalid.class);
    final Order order = f.place(TOK_OK, "SKU-1:1");
    f.orders.cancel(order.orderId());
    assertThat(f.orders.validate(order.orderId(), 1L))
        .isEqualTo(
            new Validation.Invalid("order " + order.orderId() + " has ended already (CANCELLED)"));
  }

  @Test
  void endingAnOrderIsIdempotentAndFinal() {
    final Order order = f.place(TOK_OK, "SKU-1:1");
    assertThat(f.orders.reject(order.orderId(), RejectionReason.HIGH_RISK, "risk HIGH"))
        .isEqualTo(Outcome.REJECTED);
    assertThat(f.orders.reject(order.orderId(), RejectionReason.HIGH_RISK, "risk HIGH"))
        .isEqualTo(Outcome.REJECTED);

    final Order rejected = f.orders.find(order.orderId()).orElseThrow();
    assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.HIGH_RISK);
    assertThat(rejected.rejectionDetail()).isEqualTo("risk HIGH");
    assertThat(rejected.finishedAt()).isNotNull();
    assertThatThrownBy(() -> f.orders.complete(order.orderId()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended as REJECTED");
    assertThat(f.orders.reject("ord_never-placed", RejectionReason.INVALID_ORDER, "no order"))
        .isEqualTo(Outcome.REJECTED);
  }

  @Test
  void statusOnlyMovesForward() {
    final Order order = f.place(TOK_OK, "SKU-1:1");
    f.progress.advance(order.orderId(), OrderStatus.PAID);
    f.progress.advance(order.orderId(), OrderStatus.STOCK_RESERVED);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  // ------------------------------------------------------------------------------------------
  // Inventory

  @Test
  void reservingALineTwiceTakesStockOnce() {
    final Order order = f.place(TOK_OK, "SKU-6:4");
    final int before = f.available("SKU-6");
    final ReserveLine line = new ReserveLine(order.orderId(), 1, "SKU-6", 4);

    final ReservationResult first = f.inventory.reserve(line);
    final ReservationResult again = f.inventory.reserve(line);

    assertThat(first).isEqualTo(new ReservationResult.Reserved(1, "SKU-6", 4)).isEqualTo(again);
    assertThat(f.available("SKU-6")).isEqualTo(before - 4);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.STOCK_RESERVED);
  }

  @Test
  void aLineThatCannotBeReservedStaysRefused() {
    final Order order = f.place(TOK_OK, "SKU-OUT:2");
    final ReserveLine line = new ReserveLine(order.orderId(), 1, "SKU-OUT", 2);

    assertThat(f.inventory.reserve(line))
        .isEqualTo(new ReservationResult.Refused(1, "SKU-OUT", 2, 0));
    assertThat(f.inventory.reserve(line))
        .isEqualTo(new ReservationResult.Refused(1, "SKU-OUT", 2, 0));
    assertThat(f.inventory.reservations(order.orderId()))
        .extracting(r -> r.status())
        .containsExactly(ReservationStatus.REFUSED);
    assertThat(f.stock().get("SKU-OUT").reserved()).isZero();
  }

  @Test
  void scarceStockIsNeverOversoldUnderConcurrency() {
    f.setStock("SKU-LOW", 3);
    final List<Order> orders =
        java.util.stream.IntStream.range(0, 10)
            .mapToObj(i -> f.place(TOK_OK, "SKU-LOW:1"))
            .toList();

    final List<ReservationResult> results =
        Concurrently.run(
            10,
            i -> f.inventory.reserve(new ReserveLine(orders.get(i).orderId(), 1, "SKU-LOW", 1)));

    assertThat(results).filteredOn(r -> r instanceof ReservationResult.Reserved).hasSize(3);
    assertThat(results).filteredOn(r -> r instanceof ReservationResult.Refused).hasSize(7);
    final StockLevel low = f.stock().get("SKU-LOW");
    assertThat(low.available()).isZero();
    assertThat(low.reserved()).isEqualTo(3);
    assertThat(Fixture.conserved(low)).isTrue();
    f.setStock("SKU-LOW", 3);
  }

  @Test
  void concurrentReservationsOfOneLineReserveOnce() {
    final Order order = f.place(TOK_OK, "SKU-7:5", "SKU-8:1");
    final int before = f.available("SKU-7");

    final List<ReservationResult> results =
        Concurrently.run(
            10, i -> f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-7", 5)));

    assertThat(new HashSet<>(results))
        .containsExactly(new ReservationResult.Reserved(1, "SKU-7", 5));
    assertThat(f.available("SKU-7")).isEqualTo(before - 5);
    assertThat(f.count("stock_reservation", order.orderId())).isEqualTo(1);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .as("one of two lines reserved")
        .isEqualTo(OrderStatus.RECEIVED);
  }

  @Test
  void releasePutsStockBackOnceAndNothingToReleaseIsSuccess() {
    final Order order = f.place(TOK_OK, "SKU-9:2", "SKU-10:3");
    final int before9 = f.available("SKU-9");
    final int before10 = f.available("SKU-10");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-9", 2));
    f.inventory.reserve(new ReserveLine(order.orderId(), 2, "SKU-10", 3));

    assertThat(f.inventory.release(order.orderId(), 1)).isEqualTo(1);
    assertThat(f.inventory.release(order.orderId(), 1)).isZero();
    assertThat(f.inventory.release(order.orderId(), null)).as("the other line").isEqualTo(1);
    assertThat(f.inventory.release(order.orderId(), null)).isZero();
    assertThat(f.inventory.release("ord_nothing-reserved", null)).isZero();

    assertThat(f.available("SKU-9")).isEqualTo(before9);
    assertThat(f.available("SKU-10")).isEqualTo(before10);
    assertThat(f.inventory.reservations(order.orderId()))
        .extracting(r -> r.status())
        .containsOnly(ReservationStatus.RELEASED);
  }

  @Test
  void concurrentReleasesReleaseOnce() {
    final Order order = f.place(TOK_OK, "SKU-11:2");
    final int before = f.available("SKU-11");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-11", 2));

    final List<Integer> released =
        Concurrently.run(10, i -> f.inventory.release(order.orderId(), null));

    assertThat(released.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(f.available("SKU-11")).isEqualTo(before);
  }

  @Test
  void completionShipsTheReservedStock() {
    final Order order = f.place(TOK_OK, "SKU-12:2");
    final StockLevel before = f.stock().get("SKU-12");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-12", 2));

    assertThat(f.orders.complete(order.orderId())).isEqualTo(Outcome.COMPLETED);
    assertThat(f.orders.complete(order.orderId())).isEqualTo(Outcome.COMPLETED);

    final StockLevel after = f.stock().get("SKU-12");
    assertThat(after.shipped()).isEqualTo(before.shipped() + 2);
    assertThat(after.reserved()).isEqualTo(before.reserved());
    assertThat(after.available()).isEqualTo(before.available() - 2);
    assertThat(f.inventory.release(order.orderId(), null))
        .as("shipped stock stays shipped")
        .isZero();
  }

  @Test
  void theSchemaRefusesBrokenStockBooks() {
    assertThatThrownBy(
            () ->
                db.jdbc()
                    .sql(
                        "UPDATE stock SET available = -1, initial_quantity = initial_quantity - available - 1 WHERE sku = 'SKU-OUT'")
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                db.jdbc()
                    .sql("UPDATE stock SET available = available + 1 WHERE sku = 'SKU-1'")
                    .update())
        .as("conservation")
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // ------------------------------------------------------------------------------------------
  // Payment

  ChargeOutcome charge(final Order order) {
    return f.payments.charge(order.orderId(), order.total(), order.currency());
  }

  @Test
  void tokOkCharges() {
    final Order order = f.place(TOK_OK, "SKU-1:1");
    final ChargeOutcome outcome = charge(order);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(charge(order)).isEqualTo(outcome);
    final Order paid = f.orders.find(order.orderId()).orElseThrow();
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.payment().status()).isEqualTo("CHARGED");
    assertThat(paid.payment().chargedAmount()).isEqualByComparingTo("14.90");
    assertThat(f.provider.attempts(order.orderId(), "charge")).isEqualTo(1);
  }

  @Test
  void tokDeclinedIsABusinessDecline() {
    final Order order = f.place(SandboxPaymentProvider.TOK_DECLINED, "SKU-1:1");
    final ChargeOutcome outcome = charge(order);

    assertThat(outcome).isEqualTo(new ChargeOutcome.Declined("card declined: insufficient funds"));
    assertThat(charge(order)).isEqualTo(outcome);
    assertThat(f.payments.find(order.orderId()).orElseThrow().capturedAmount()).isZero();
    assertThat(f.payments.refund(order.orderId())).isZero();
  }

  @Test
  void tokConfirmIsPendingUntilCaptured() {
    final Order order = f.place(SandboxPaymentProvider.TOK_CONFIRM, "SKU-2:2");
    final ChargeOutcome outcome = charge(order);

    assertThat(outcome).isInstanceOf(ChargeOutcome.PendingConfirmation.class);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.AWAITING_PAYMENT_CONFIRMATION);
    final String chargeId = ((ChargeOutcome.PendingConfirmation) outcome).chargeId();
    assertThat(f.payments.capture(order.orderId())).isEqualTo(chargeId);
    assertThat(f.payments.capture(order.orderId())).isEqualTo(chargeId);
    assertThat(f.payments.find(order.orderId()).orElseThrow().capturedAmount())
        .isEqualByComparingTo("19.00");
    assertThat(f.orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void aVoidedAuthorizationCannotBeCaptured() {
    final Order order = f.place(SandboxPaymentProvider.TOK_CONFIRM, "SKU-2:1");
    charge(order);

    assertThat(f.payments.refund(order.orderId())).as("void, nothing refunded").isZero();
    assertThat(f.payments.find(order.orderId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.VOIDED);
    assertThatThrownBy(() -> f.payments.capture(order.orderId()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VOIDED");
  }

  @Test
  void tokFlakyFailsTwiceThenCharges() {
    final Order order = f.place(SandboxPaymentProvider.TOK_FLAKY, "SKU-1:1");

    assertThatThrownBy(() -> charge(order)).isInstanceOf(PaymentProviderUnavailableException.class);
    assertThatThrownBy(() -> charge(order)).isInstanceOf(PaymentProviderUnavailableException.class);
    assertThat(f.payments.find(order.orderId())).as("no payment recorded yet").isEmpty();
    assertThat(charge(order)).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(f.provider.attempts(order.orderId(), "charge")).isEqualTo(3);
  }

  @Test
  void tokOutageFailsThreeTimesThenCharges() {
    final Order order = f.place(SandboxPaymentProvider.TOK_OUTAGE, "SKU-1:1");
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> charge(order))
          .isInstanceOf(PaymentProviderUnavailableException.class)
          .hasMessageContaining("attempt " + attempt);
    }
    assertThat(charge(order)).isInstanceOf(ChargeOutcome.Charged.class);
  }

  @Test
  void theProcessAndTheOrderMustAgreeOnTheAmount() {
    final Order order = f.place(TOK_OK, "SKU-1:1");
    assertThatThrownBy(() -> f.payments.charge(order.orderId(), new BigDecimal("1.00"), "EUR"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(f.provider.attempts(order.orderId(), "charge")).isZero();
  }

  @Test
  void concurrentChargesChargeOnce() {
    final Order order = f.place(TOK_OK, "SKU-13:1");

    final List<ChargeOutcome> outcomes = Concurrently.run(10, i -> charge(order));

    assertThat(new HashSet<>(outcomes)).hasSize(1);
    assertThat(f.count("payment", order.orderId())).isEqualTo(1);
    assertThat(f.count("sandbox_payment_operation", order.orderId())).isEqualTo(1);
    assertThat(f.provider.attempts(order.orderId(), "charge"))
        .as("late threads find the recorded payment and call no provider")
        .isBetween(1, 10);
  }

  @Test
  void refundGivesBackWhatWasCapturedOnce() {
    final Order order = f.place(TOK_OK, "SKU-14:3");
    charge(order);

    assertThat(f.payments.refund(order.orderId())).isEqualByComparingTo("36.00");
    assertThat(f.payments.refund(order.orderId())).isEqualByComparingTo("36.00");
    final var payment = f.payments.find(order.orderId()).orElseThrow();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.refundedAmount()).isEqualByComparingTo(payment.capturedAmount());
    assertThat(f.payments.refund("ord_never-charged")).as("nothing to undo").isZero();
  }

  @Test
  void concurrentRefundsRefundOnce() {
    final Order order = f.place(TOK_OK, "SKU-15:2");
    charge(order);

    final List<BigDecimal> refunded = Concurrently.run(10, i -> f.payments.refund(order.orderId()));

    assertThat(refunded).allSatisfy(r -> assertThat(r).isEqualByComparingTo("50.00"));
    assertThat(f.providerOperations(order.orderId(), "REFUND")).isEqualTo(1);
  }

  @Test
  void theSchemaRefusesARefundAboveTheCapture() {
    final Order order = f.place(TOK_OK, "SKU-1:1");
    charge(order);
    assertThatThrownBy(
            () ->
                db.jdbc()
                    .sql(
                        "UPDATE payment SET refunded_amount = captured_amount + 1 WHERE order_id = :o")
                    .param("o", order.orderId())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // ------------------------------------------------------------------------------------------
  // Shipping and the minor steps

  @Test
  void shipmentGoesFromCreationToDelivery() {
    final Order order = f.place(TOK_OK, "SKU-16:1");
    final Shipment shipment = f.shipping.create(order.orderId());
    assertThat(f.shipping.create(order.orderId())).isEqualTo(shipment);

    assertThat(
            f.shipping.assignCarrier(
                order.orderId(), shipment.shipmentId(), ShippingMethod.STANDARD))
        .isEqualTo("DHL Paket");
    assertThat(
            f.shipping.assignCarrier(
                order.orderId(), shipment.shipmentId(), ShippingMethod.EXPRESS))
        .as("first assignment wins")
        .isEqualTo("DHL Paket");
    final Instant eta = f.shipping.schedule(order.orderId(), shipment.shipmentId());
    assertThat(eta).isEqualTo(f.clock.instant().plus(Duration.ofDays(3)));
    f.clock.advance(Duration.ofHours(1));
    assertThat(f.shipping.schedule(order.orderId(), shipment.shipmentId())).isEqualTo(eta);
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.SHIPPED);

    final Instant escalated =
        f.shipping.escalateLateDelivery(order.orderId(), shipment.shipmentId());
    f.clock.advance(Duration.ofHours(1));
    assertThat(f.shipping.escalateLateDelivery(order.orderId(), shipment.shipmentId()))
        .isEqualTo(escalated);

    f.shipping.markDelivered(order.orderId(), f.clock.instant());
    assertThat(f.shipping.cancel(order.orderId())).as("delivered stays delivered").isFalse();
    final Order delivered = f.orders.find(order.orderId()).orElseThrow();
    assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(delivered.shipment().status()).isEqualTo("DELIVERED");
    assertThat(delivered.shipment().trackingNumber()).isEqualTo(shipment.trackingNumber());
  }

  @Test
  void cancellingAShipmentIsIdempotent() {
    final Order order = f.place(TOK_OK, "SKU-16:1");
    assertThat(f.shipping.cancel(order.orderId())).as("no shipment: nothing to undo").isFalse();
    final Shipment shipment = f.shipping.create(order.orderId());
    f.shipping.assignDrone(order.orderId(), shipment.shipmentId());

    assertThat(Concurrently.run(10, i -> f.shipping.cancel(order.orderId()))).containsOnly(true);
    assertThat(f.shipmentOf(order.orderId()).orElseThrow().status())
        .isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(f.shipping.assignDrone(order.orderId(), shipment.shipmentId()))
        .as("a repeated assignment answers the first")
        .isEqualTo("SkyDrop drone fleet");

    final Order other = f.place(TOK_OK, "SKU-16:1");
    final Shipment cancelled = f.shipping.create(other.orderId());
    f.shipping.cancel(other.orderId());
    assertThatThrownBy(
            () ->
                f.shipping.assignCarrier(
                    other.orderId(), cancelled.shipmentId(), ShippingMethod.STANDARD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CANCELLED");
  }

  @Test
  void minorStepsKeepTheirFirstAnswer() {
    final Order order = f.place(TOK_OK, "SKU-17:1");
    final String id = order.orderId();

    assertThat(f.warehouse.pack(id)).isEqualTo(f.warehouse.pack(id)).startsWith("PKG-");
    assertThat(f.warehouse.giftWrap(id)).isTrue();
    assertThat(f.warehouse.giftWrap(id)).isTrue();
    assertThat(f.invoices.issue(id, order.total(), "EUR"))
        .isEqualTo(f.invoices.issue(id, order.total(), "EUR"));
    assertThat(f.shipping.insure(id, order.total(), "EUR"))
        .isEqualTo(f.shipping.insure(id, order.total(), "EUR"));
    assertThat(f.shipping.insure(id, order.total(), "EUR").premium()).isEqualByComparingTo("2.00");
    assertThat(f.loyalty.award(id, "c-1", new BigDecimal("19.99"))).isEqualTo(19);
    assertThat(f.loyalty.award(id, "c-1", new BigDecimal("19.99"))).isEqualTo(19);
    assertThat(f.sales.record(id, order.total())).isEqualTo(f.sales.record(id, order.total()));
    assertThat(f.notifications.notifyOutcome(id, "c-1", "COMPLETED"))
        .isEqualTo(f.notifications.notifyOutcome(id, "c-1", "COMPLETED"));
    for (String table :
        List.of(
            "warehouse_package",
            "gift_wrap",
            "invoice",
            "shipment_insurance",
            "loyalty_award",
            "sale",
            "customer_notification")) {
      assertThat(f.count(table, id)).as(table).isEqualTo(1);
    }
    assertThat(f.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.PACKED);
  }

  // ------------------------------------------------------------------------------------------
  // Invariants over many orders

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Invariants {

    @Test
    void stockAndMoneyAreConservedAcrossCompletedRejectedAndCancelledOrders() {
      final BigDecimal completedBefore = completedTotal();
      final BigDecimal netBefore = f.payments.totals().net();
      final BigDecimal providerBefore = f.providerNetCollected();
      final List<String> tokens =
          List.of(TOK_OK, SandboxPaymentProvider.TOK_CONFIRM, SandboxPaymentProvider.TOK_DECLINED);
      BigDecimal completedNow = BigDecimal.ZERO;
      for (int i = 0; i < 24; i++) {
        final Order order = f.place(tokens.get(i % 3), "SKU-18:1", "SKU-" + (1 + i % 5) + ":2");
        final String id = order.orderId();
        f.orders.validate(id, 1000L + i);
        f.inventory.reserve(new ReserveLine(id, 1, "SKU-18", 1));
        f.inventory.reserve(new ReserveLine(id, 2, "SKU-" + (1 + i % 5), 2));
        final ChargeOutcome paid = charge(order);
        final int path = i % 4;
        if (paid instanceof ChargeOutcome.Declined) {
          // reject path: compensate the reservations (and the nothing of the payment)
          f.payments.refund(id);
          f.inventory.release(id, null);
          f.orders.reject(id, RejectionReason.PAYMENT_DECLINED, "declined");
          continue;
        }
        if (paid instanceof ChargeOutcome.PendingConfirmation && path == 0) {
          f.payments.refund(id); // timeout: void
          f.inventory.release(id, null);
          f.orders.reject(id, RejectionReason.PAYMENT_TIMEOUT, "no confirmation");
          continue;
        }
        if (paid instanceof ChargeOutcome.PendingConfirmation) {
          f.payments.capture(id);
        }
        f.warehouse.pack(id);
        f.shipping.create(id);
        if (path == 1) {
          // cancellation after shipment: compensate in reverse order, twice
          for (int round = 0; round < 2; round++) {
            f.shipping.cancel(id);
            f.payments.refund(id);
            f.inventory.release(id, null);
          }
          f.orders.cancel(id);
          continue;
        }
        f.orders.complete(id);
        completedNow = completedNow.add(order.total());
      }

      assertThat(completedTotal().subtract(completedBefore)).isEqualByComparingTo(completedNow);
      assertThat(f.payments.totals().net().subtract(netBefore))
          .as("charged - refunded = total of completed orders")
          .isEqualByComparingTo(completedNow);
      assertThat(f.providerNetCollected().subtract(providerBefore))
          .as("the provider's books agree")
          .isEqualByComparingTo(completedNow);
      assertThat(f.stock().values())
          .allSatisfy(s -> assertThat(Fixture.conserved(s)).as(s.sku()).isTrue());
      assertThat(
              db.jdbc()
                  .sql(
                      """
          SELECT COUNT(*) FROM stock_reservation r JOIN customer_order o ON o.order_id = r.order_id
           WHERE o.status IN ('COMPLETED', 'REJECTED', 'CANCELLED') AND r.status = 'RESERVED'
          """)
                  .query(Integer.class)
                  .single())
          .as("no stock held by ended orders")
          .isZero();
    }

    private BigDecimal completedTotal() {
      return db.jdbc()
          .sql(
              "SELECT COALESCE(SUM(total_amount), 0) FROM customer_order WHERE status = 'COMPLETED'")
          .query(BigDecimal.class)
          .single();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Closing an order while a step is still running (cancellation interrupts it; the engine never
  // compensates an interrupted step)

  @Test
  void closingUndoesWhatCompensationCouldNotSee() {
    final Order order = f.place(TOK_OK, "SKU-16:2");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-16", 2));
    charge(order);
    f.shipping.create(order.orderId());
    final int available = f.available("SKU-16");

    assertThat(f.closing.cancel(order.orderId())).isEqualTo(Outcome.CANCELLED);

    assertThat(f.available("SKU-16")).isEqualTo(available + 2);
    assertThat(f.payments.find(order.orderId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(f.shipmentOf(order.orderId()).orElseThrow().status())
        .isEqualTo(ShipmentStatus.CANCELLED);
    assertThat(f.closing.cancel(order.orderId()))
        .as("again: nothing more")
        .isEqualTo(Outcome.CANCELLED);
    assertThat(f.available("SKU-16")).isEqualTo(available + 2);
  }

  @Test
  void anEndedOrderGetsNoNewReservationOrShipmentOrCharge() {
    final Order order = f.place(TOK_OK, "SKU-17:1");
    f.closing.cancel(order.orderId());
    final int available = f.available("SKU-17");

    assertThatThrownBy(() -> f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-17", 1)))
        .isInstanceOf(OrderEndedException.class);
    assertThatThrownBy(() -> f.shipping.create(order.orderId()))
        .isInstanceOf(OrderEndedException.class);
    assertThatThrownBy(() -> charge(order)).isInstanceOf(OrderEndedException.class);
    assertThat(f.available("SKU-17")).isEqualTo(available);
    assertThat(f.count("payment", order.orderId())).isZero();
    assertThat(f.provider.attempts(order.orderId(), "charge")).as("no money moved").isZero();
  }

  @Test
  void aChargeThatLandsAfterTheCancellationIsRefundedAtOnce() {
    final Order order = f.place(TOK_OK, "SKU-18:1");
    // The provider answers while the cancellation goes through (and finds nothing to refund yet).
    final PaymentService racing =
        paymentsWith(
            new PaymentProvider() {
              @Override
              public ChargeOutcome charge(final Charge charge) {
                final ChargeOutcome answer = f.provider.charge(charge);
                f.closing.cancel(charge.orderId());
                return answer;
              }

              @Override
              public void capture(
                  final String orderId, final String chargeId, final BigDecimal amount) {
                f.provider.capture(orderId, chargeId, amount);
              }

              @Override
              public void refund(
                  final String orderId, final String chargeId, final BigDecimal amount) {
                f.provider.refund(orderId, chargeId, amount);
              }

              @Override
              public void voidAuthorization(final String orderId, final String chargeId) {
                f.provider.voidAuthorization(orderId, chargeId);
              }
            });

    racing.charge(order.orderId(), order.total(), order.currency());

    final var payment = f.payments.find(order.orderId()).orElseThrow();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.refundedAmount()).isEqualByComparingTo(payment.capturedAmount());
    assertThat(f.orders.find(order.orderId()).orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(types(order.orderId()))
        .as("money that goes straight back is not announced as paid")
        .containsExactly(OrderEventTypes.ACCEPTED, OrderEventTypes.CANCELLED);
  }

  @Test
  void chargesRacingCancellationsNeverKeepMoney() {
    final List<Order> orders =
        java.util.stream.IntStream.range(0, 20).mapToObj(i -> f.place(TOK_OK, "SKU-19:1")).toList();

    for (Order order : orders) {
      Concurrently.run(
          2,
          i -> {
            try {
              return i == 0 ? charge(order) : f.closing.cancel(order.orderId());
            } catch (OrderEndedException tooLate) {
              return tooLate.getMessage();
            }
          });
    }

    for (Order order : orders) {
      assertThat(f.orders.find(order.orderId()).orElseThrow().status())
          .isEqualTo(OrderStatus.CANCELLED);
      f.payments
          .find(order.orderId())
          .ifPresent(
              p ->
                  assertThat(p.refundedAmount())
                      .as("order %s keeps no money", order.orderId())
                      .isEqualByComparingTo(p.capturedAmount()));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Order events (transactional outbox)

  /** A row of the outbox, as the relay reads it. */
  record OutboxRow(
      long seq,
      String eventId,
      String type,
      int schemaVersion,
      JsonNode data,
      String correlationId,
      String causationId) {}

  List<OutboxRow> outbox(final String orderId) {
    return db.jdbc()
        .sql("SELECT * FROM outbox_event WHERE order_id = :orderId ORDER BY seq")
        .param("orderId", orderId)
        .query(
            (rs, n) -> {
              try {
                return new OutboxRow(
                    rs.getLong("seq"),
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getInt("schema_version"),
                    JSON.readTree(rs.getString("data")),
                    rs.getString("correlation_id"),
                    rs.getString("causation_id"));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .list();
  }

  /** The order's outbox, which must hold exactly these event types, in this order. */
  List<OutboxRow> outboxWith(final String orderId, final String... types) {
    final List<OutboxRow> rows = outbox(orderId);
    assertThat(rows).extracting(OutboxRow::type).containsExactly(types);
    return rows;
  }

  List<String> types(final String orderId) {
    return outbox(orderId).stream().map(OutboxRow::type).toList();
  }

  @Test
  void aFulfilledOrderRecordsAcceptedPaidShippedCompletedOnceEachInOrder() {
    final Order order = f.place(TOK_OK, "SKU-3:2");
    try (var cause = Causation.open("zeebe-job-42")) {
      for (int twice = 0; twice < 2; twice++) {
        f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-3", 2));
        charge(order);
        f.warehouse.pack(order.orderId());
        final Shipment shipment = f.shipping.create(order.orderId());
        f.shipping.assignCarrier(order.orderId(), shipment.shipmentId(), ShippingMethod.STANDARD);
        f.shipping.schedule(order.orderId(), shipment.shipmentId());
        f.shipping.markDelivered(order.orderId(), f.clock.instant());
        f.orders.complete(order.orderId());
      }
    }

    final List<OutboxRow> rows =
        outboxWith(
            order.orderId(),
            OrderEventTypes.ACCEPTED,
            OrderEventTypes.PAID,
            OrderEventTypes.SHIPPED,
            OrderEventTypes.COMPLETED);
    assertThat(rows).extracting(OutboxRow::seq).isSorted();
    assertThat(rows).extracting(OutboxRow::eventId).doesNotHaveDuplicates();
    assertThat(rows).extracting(OutboxRow::correlationId).containsOnly("corr-test");
    assertThat(rows)
        .extracting(OutboxRow::causationId)
        .containsExactly(null, "zeebe-job-42", "zeebe-job-42", "zeebe-job-42");
    final JsonNode accepted = rows.get(0).data();
    assertThat(accepted.get("orderId").asText()).isEqualTo(order.orderId());
    assertThat(accepted.at("/total/amount").decimalValue()).isEqualByComparingTo("58.00");
    assertThat(accepted.at("/total/currency").asText()).isEqualTo("EUR");
    assertThat(accepted.at("/lines/0/sku").asText()).isEqualTo("SKU-3");
    assertThat(accepted.at("/lines/0/quantity").asInt()).isEqualTo(2);
    assertThat(accepted.get("shippingCountry").asText()).isEqualTo("DE");
    assertThat(accepted.toString()).doesNotContain(TOK_OK, "Heidestraße");
    final JsonNode paid = rows.get(1).data();
    assertThat(paid.at("/amount/amount").decimalValue()).isEqualByComparingTo("58.00");
    assertThat(paid.get("afterConfirmation").asBoolean()).isFalse();
    assertThat(paid.get("chargeId").asText()).isNotBlank();
    final JsonNode shipped = rows.get(2).data();
    assertThat(shipped.get("carrier").asText()).isEqualTo("DHL Paket");
    assertThat(shipped.get("shippingMethod").asText()).isEqualTo("STANDARD");
    assertThat(shipped.get("trackingNumber").asText()).startsWith("TRK");
    assertThat(shipped.get("estimatedDelivery").asText()).isNotBlank();
    // completed, version 2 (the newest only: no migration window here): the money split, the lines
    final JsonNode completed = rows.get(3).data();
    assertThat(rows.get(3).schemaVersion()).isEqualTo(2);
    assertThat(completed.at("/gross/amount").decimalValue()).isEqualByComparingTo("58.00");
    assertThat(completed.at("/tax/amount").decimalValue()).isEqualByComparingTo("9.26");
    assertThat(completed.at("/net/amount").decimalValue()).isEqualByComparingTo("48.74");
    assertThat(completed.at("/lines/0/unitPrice/amount").decimalValue())
        .isEqualByComparingTo("29.00");
    assertThat(completed.at("/lines/0/lineTotal/amount").decimalValue())
        .isEqualByComparingTo("58.00");
    assertThat(completed.has("total")).isFalse();
    assertThat(rows.subList(0, 3)).extracting(OutboxRow::schemaVersion).containsOnly(1);
  }

  @Test
  void duringTheMigrationWindowACompletionIsRecordedInBothVersionsOnce() {
    final OrderEvents window =
        new JdbcOrderEventOutbox(
            db.jdbc(),
            Tracer.NOOP,
            Propagator.NOOP,
            new PublishedVersions(Set.of(OrderEventTypes.COMPLETED + "/1")));
    final Order order = f.place(TOK_OK, "SKU-2:2");
    final OrderEvent.Completed completed =
        new OrderEvent.Completed(
            order.orderId(),
            order.customerId(),
            order.total(),
            SalesTax.STANDARD_RATES.includedIn(order.total(), "DE"),
            order.currency(),
            List.of(new OrderEvent.Line("SKU-2", 2, new BigDecimal("9.50"), order.total())),
            Instant.parse("2026-12-07T10:00:00Z"));
    db.tx().run(() -> window.record(completed));
    db.tx().run(() -> window.record(completed));

    final List<OutboxRow> rows =
        outboxWith(
            order.orderId(),
            OrderEventTypes.ACCEPTED,
            OrderEventTypes.COMPLETED,
            OrderEventTypes.COMPLETED);
    assertThat(rows.subList(1, 3)).extracting(OutboxRow::schemaVersion).containsExactly(1, 2);
    assertThat(rows).extracting(OutboxRow::eventId).doesNotHaveDuplicates();
    assertThat(rows.get(1).data().at("/total/amount").decimalValue()).isEqualByComparingTo("19.00");
    assertThat(rows.get(2).data().at("/gross/amount").decimalValue()).isEqualByComparingTo("19.00");
    assertThat(rows.get(2).data().at("/tax/amount").decimalValue()).isEqualByComparingTo("3.03");
  }

  @Test
  void aConfirmedPaymentIsPaidWhenCaptured() {
    final Order order = f.place(SandboxPaymentProvider.TOK_CONFIRM, "SKU-2:1");
    charge(order);
    assertThat(types(order.orderId())).containsExactly(OrderEventTypes.ACCEPTED);

    f.payments.capture(order.orderId());
    f.payments.capture(order.orderId());

    final List<OutboxRow> rows =
        outboxWith(order.orderId(), OrderEventTypes.ACCEPTED, OrderEventTypes.PAID);
    assertThat(rows.get(1).data().get("afterConfirmation").asBoolean()).isTrue();
    assertThat(rows.get(1).data().at("/amount/amount").decimalValue()).isEqualByComparingTo("9.50");
  }

  @Test
  void aDeclinedPaymentRecordsNoPaidEvent() {
    final Order order = f.place(SandboxPaymentProvider.TOK_DECLINED, "SKU-2:1");
    charge(order);
    f.closing.reject(order.orderId(), RejectionReason.PAYMENT_DECLINED, "card declined");
    f.closing.reject(order.orderId(), RejectionReason.PAYMENT_DECLINED, "card declined");

    final List<OutboxRow> rows =
        outboxWith(order.orderId(), OrderEventTypes.ACCEPTED, OrderEventTypes.REJECTED);
    assertThat(rows.get(1).data().get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(rows.get(1).data().get("detail").asText()).isEqualTo("card declined");
  }

  @Test
  void aCancellationSaysHowFarTheOrderHadCome() {
    final Order order = f.place(TOK_OK, "SKU-4:1");
    f.inventory.reserve(new ReserveLine(order.orderId(), 1, "SKU-4", 1));
    f.closing.cancel(order.orderId());
    f.closing.cancel(order.orderId());

    final List<OutboxRow> rows =
        outboxWith(order.orderId(), OrderEventTypes.ACCEPTED, OrderEventTypes.CANCELLED);
    assertThat(rows.get(1).data().get("previousStatus").asText()).isEqualTo("STOCK_RESERVED");
  }

  @Test
  void racingDuplicatesRecordOneEvent() {
    final PlaceOrder command =
        Fixture.command("ord_" + UUID.randomUUID(), "c-3", TOK_OK, "SKU-5:1");
    Concurrently.run(10, i -> f.orders.place(command));
    Concurrently.run(10, i -> f.orders.complete(command.orderId()));

    assertThat(types(command.orderId()))
        .containsExactly(OrderEventTypes.ACCEPTED, OrderEventTypes.COMPLETED);
  }

  @Test
  void anEventExistsOnlyIfItsTransactionCommits() {
    final Order order = f.place(TOK_OK, "SKU-5:1");
    assertThatThrownBy(
            () ->
                db.tx()
                    .run(
                        () -> {
                          f.events.record(
                              new OrderEvent.Cancelled(
                                  order.orderId(), "c-1", OrderStatus.RECEIVED, f.clock.instant()));
                          throw new IllegalStateException("the change fails after the event");
                        }))
        .hasMessageContaining("the change fails");
    assertThat(types(order.orderId())).containsExactly(OrderEventTypes.ACCEPTED);
  }

  private PaymentService paymentsWith(final PaymentProvider provider) {
    return new PaymentService(
        new JdbcPaymentRepository(db.jdbc()), provider, f.progress, db.tx(), f.clock, f.events);
  }
}
