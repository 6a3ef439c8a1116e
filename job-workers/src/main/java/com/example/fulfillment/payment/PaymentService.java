package com.example.fulfillment.payment;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.ClosingHook;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderEndedException;
import com.example.fulfillment.order.OrderEvent;
import com.example.fulfillment.order.OrderEvents;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charge, capture and refund an order's payment through the {@link PaymentProvider}. The provider
 * call happens outside our transaction (it is a remote system) and is idempotent at the provider;
 * its answer is then recorded under the order id, so a repeated step finds it and moves no money.
 */
public record PaymentService(
    PaymentRepository payments,
    PaymentProvider provider,
    OrderProgress orders,
    Transactions tx,
    Clock clock,
    OrderEvents events)
    implements ClosingHook {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

  /**
   * Charges the order's total with the order's payment token (the amount comes from the order
   * record; {@code total} and {@code currency} from the process must agree with it).
   *
   * @throws PaymentProviderUnavailableException when the provider fails (retry)
   * @throws IllegalStateException when the process and the order disagree on the amount
   */
  public ChargeOutcome charge(final String orderId, final BigDecimal total, final String currency) {
    final Optional<Payment> recorded = find(orderId);
    if (recorded.isPresent()) {
      return recorded.get().outcome();
    }
    final Order order = orders.get(orderId);
    if (order.status().isTerminal()) {
      throw new OrderEndedException(orderId, order.status());
    }
    if (total == null || !Money.same(order.total(), total) || !order.currency().equals(currency)) {
      throw new IllegalStateException(
          "order "
              + orderId
              + " totals "
              + order.total()
              + " "
              + order.currency()
              + " but the process asked to charge "
              + total
              + " "
              + currency);
    }
    final ChargeOutcome answer =
        provider.charge(
            new PaymentProvider.Charge(
                orderId, order.paymentToken(), order.total(), order.currency()));
    final Payment payment = Payment.of(orderId, answer, order.total(), order.currency());
    final AtomicBoolean endedMeanwhile = new AtomicBoolean();
    final ChargeOutcome outcome =
        Once.perform(
            tx,
            () -> payments.find(orderId).map(Payment::outcome),
            () -> record(orderId, payment, answer, endedMeanwhile));
    if (endedMeanwhile.get()) {
      // Cancelled while the provider charged: the engine will not compensate a step it cut off,
      // and the ending's own clean-up may have run already. Give the money back here.
      LOG.warn("Order {} ended while it was being charged: undoing the charge", orderId);
      refund(orderId);
    }
    return outcome;
  }

  private ChargeOutcome record(
      final String orderId,
      final Payment payment,
      final ChargeOutcome answer,
      final AtomicBoolean endedMeanwhile) {
    // The lock orders this against the order ending (see OrderClosing): either the ending sees
    // this payment, or this sees the ending.
    endedMeanwhile.set(orders.lockForEffect(orderId).isTerminal());
    final Instant now = clock.instant();
    payments.insert(payment, now);
    switch (answer) {
      case ChargeOutcome.Charged c -> {
        // Only when the order moves to PAID now: not for an order that ended meanwhile (its
        // money goes straight back), nor a second time.
        if (orders.advance(orderId, OrderStatus.PAID)) {
          events.record(paid(payment, c.chargeId(), false, now));
        }
      }
      case ChargeOutcome.PendingConfirmation p ->
          orders.advance(orderId, OrderStatus.AWAITING_PAYMENT_CONFIRMATION);
      case ChargeOutcome.Declined d -> {}
    }
    LOG.info(
        "Payment of order {}: {} {} {}",
        orderId,
        payment.status(),
        payment.amount(),
        payment.currency());
    return answer;
  }

  /**
   * Captures a pending authorization (after PaymentConfirmed). Capturing again changes nothing.
   *
   * @return the charge id
   * @throws IllegalStateException if there is no payment or it was voided or declined
   */
  public String capture(final String orderId) {
    final Payment payment =
        find(orderId)
            .orElseThrow(() -> new IllegalStateException("order " + orderId + " has no payment"));
    switch (payment.status()) {
      case CHARGED, REFUNDED -> {
        return payment.chargeId();
      }
      case PENDING_CONFIRMATION -> {
        provider.capture(orderId, payment.chargeId(), payment.amount());
        return tx.inTransaction(
            () -> {
              final Instant capturedAt = clock.instant();
              if (payments.capture(orderId, capturedAt)) {
                if (orders.advance(orderId, OrderStatus.PAID)) {
                  events.record(paid(payment, payment.chargeId(), true, capturedAt));
                }
                LOG.info(
                    "Captured {} {} for order {}", payment.amount(), payment.currency(), orderId);
                return payment.chargeId();
              }
              final Payment now = payments.find(orderId).orElseThrow();
              if (now.status() != PaymentStatus.CHARGED) {
                throw new IllegalStateException(
                    "cannot capture payment of order " + orderId + ": it is " + now.status());
              }
              return now.chargeId();
            });
      }
      default ->
          throw new IllegalStateException(
              "cannot capture payment of order " + orderId + ": it is " + payment.status());
    }
  }

  /**
   * Compensation: gives back what was captured (never more), or voids a pending authorization. No
   * payment, a declined one or one undone before is success with what was refunded so far.
   *
   * @return the amount refunded for the order (0 when there was nothing to refund)
   */
  public BigDecimal refund(final String orderId) {
    for (int round = 0; round < 3; round++) {
      final Optional<Payment> found = find(orderId);
      if (found.isEmpty()) {
        LOG.info("Nothing to refund for order {}: no payment", orderId);
        return Money.amount(BigDecimal.ZERO);
      }
      final Payment payment = found.get();
      switch (payment.status()) {
        case DECLINED, VOIDED, REFUNDED -> {
          return Money.amount(payment.refundedAmount());
        }
        case PENDING_CONFIRMATION -> {
          provider.voidAuthorization(orderId, payment.chargeId());
          if (tx.inTransaction(() -> payments.voidAuthorization(orderId, clock.instant()))) {
            LOG.info("Voided the pending authorization of order {}", orderId);
            return Money.amount(BigDecimal.ZERO);
          }
        }
        case CHARGED -> {
          final BigDecimal amount = payment.capturedAmount().subtract(payment.refundedAmount());
          provider.refund(orderId, payment.chargeId(), amount);
          if (tx.inTransaction(
              () -> payments.refund(orderId, payment.capturedAmount(), clock.instant()))) {
            LOG.info("Refunded {} {} for order {}", amount, payment.currency(), orderId);
            return Money.amount(payment.capturedAmount());
          }
        }
      }
      // Someone else moved the payment meanwhile: look again.
    }
    throw new IllegalStateException("payment of order " + orderId + " keeps changing");
  }

  private static OrderEvent.Paid paid(
      final Payment payment,
      final String chargeId,
      final boolean afterConfirmation,
      final Instant now) {
    return new OrderEvent.Paid(
        payment.orderId(), payment.amount(), payment.currency(), chargeId, afterConfirmation, now);
  }

  public Optional<Payment> find(final String orderId) {
    return tx.inTransaction(() -> payments.find(orderId));
  }

  public PaymentTotals totals() {
    return tx.inTransaction(payments::totals);
  }

  /**
   * An order that ends unfulfilled pays nothing: a capture is refunded, an authorization voided.
   */
  @Override
  public void undoLeftovers(final String orderId) {
    refund(orderId);
  }
}
