package com.example.fulfillment.order;

import com.example.fulfillment.common.AlreadyRecordedException;
import com.example.fulfillment.common.Money;
import com.example.fulfillment.common.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases of the order record: place it (API), link it to its process instance, validate it, and
 * end it (completed, rejected, cancelled). Every one is idempotent.
 */
public record OrderService(
    OrderRepository orders,
    PriceList catalog,
    Transactions tx,
    Clock clock,
    OrderListener listener,
    List<CompletionHook> completionHooks,
    OrderEvents events,
    SalesTax salesTax) {

  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);
  private static final int MAX_DETAIL = 500;

  public OrderService {
    completionHooks = List.copyOf(completionHooks);
  }

  /**
   * Records a new order in status RECEIVED, priced from the catalog, and its {@link
   * OrderEvent.Accepted} event in the same transaction. Idempotent on the order id: placing the
   * same command again returns the order recorded the first time (and records no second event).
   *
   * @throws UnknownSkuException if a line names a SKU the catalog does not have (nothing stored)
   * @throws OrderConflictException if the id is taken by an order with different content
   */
  public Order place(final PlaceOrder command) {
    final Optional<Order> existing = find(command.orderId());
    if (existing.isPresent()) {
      return sameOrConflict(existing.get(), command);
    }
    final Order order = price(command, clock.instant());
    try {
      tx.run(
          () -> {
            orders.insert(order);
            events.record(OrderEvent.Accepted.of(order));
          });
    } catch (AlreadyRecordedException raced) {
      return sameOrConflict(find(command.orderId()).orElseThrow(() -> raced), command);
    }
    LOG.info(
        "Order {} placed: {} line(s), total {} {}",
        order.orderId(),
        order.lines().size(),
        order.total(),
        order.currency());
    return find(command.orderId()).orElseThrow();
  }

  public Optional<Order> find(final String orderId) {
    return tx.inTransaction(() -> orders.find(orderId));
  }

  /** The order linked to this process instance, if any (one that has not ended first). */
  public Optional<String> orderIdOf(final long processInstanceKey) {
    return tx.inTransaction(() -> orders.orderIdOf(processInstanceKey));
  }

  /**
   * One page of orders, newest first.
   *
   * @param status only orders in this status; null for all
   * @param page 0-based
   * @param size 1 or more (bounding it is the caller's policy)
   */
  public OrderPage list(final OrderStatus status, final int page, final int size) {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be >= 0 and size >= 1");
    }
    final long offset = (long) page * size;
    if (offset > Integer.MAX_VALUE) {
      return new OrderPage(List.of(), page, size, tx.inTransaction(() -> orders.count(status)));
    }
    return tx.inTransaction(
        () ->
            new OrderPage(
                orders.list(status, (int) offset, size), page, size, orders.count(status)));
  }

  /** Ids of the orders that have not ended, in id order, after {@code afterOrderId} ("" first). */
  public List<String> unfinished(final String afterOrderId, final int limit) {
    return tx.inTransaction(() -> orders.unfinished(afterOrderId, limit));
  }

  /**
   * Forgets the process instance a non-terminal order was linked to, when the engine lost it (the
   * embedded engine after a restart), so that the instance started again can link itself.
   *
   * @return true if the order was linked to {@code staleKey} and is not any more
   */
  public boolean forgetProcessInstance(final String orderId, final long staleKey) {
    return tx.inTransaction(() -> orders.unlinkProcessInstance(orderId, staleKey, clock.instant()));
  }

  /**
   * Links the order to its process instance; the first link wins, later ones change nothing. The
   * listener hears of it (with the key that won) after the change is committed.
   */
  public void recordProcessInstance(final String orderId, final long processInstanceKey) {
    final Optional<Order> order =
        tx.inTransaction(
            () -> {
              orders.linkProcessInstance(orderId, processInstanceKey, clock.instant());
              return orders.find(orderId);
            });
    order.ifPresent(listener::processInstanceLinked);
  }

  /**
   * Links the order to its process instance and checks it can be fulfilled. Valid → the totals the
   * decisions need; the customer's previous orders are counted once, at the first validation, so a
   * repeated validation answers the same.
   */
  public Validation validate(final String orderId, final long processInstanceKey) {
    recordProcessInstance(orderId, processInstanceKey);
    return tx.inTransaction(
        () -> {
          final Optional<Order> found = orders.find(orderId);
          if (found.isEmpty()) {
            return new Validation.Invalid("no order with id " + orderId);
          }
          final Order order = found.get();
          if (order.status().isTerminal()) {
            return new Validation.Invalid(
                "order " + orderId + " has ended already (" + order.status() + ")");
          }
          if (order.lines().isEmpty()) {
            return new Validation.Invalid("order " + orderId + " has no lines");
          }
          if (order.previousOrders() == null) {
            orders.markValidated(
                orderId, orders.countCompleted(order.customerId(), orderId), clock.instant());
          }
          final Order validated = orders.find(orderId).orElseThrow();
          return new Validation.Valid(
              validated.total(),
              validated.currency(),
              validated.totalWeightKg(),
              validated.previousOrders());
        });
  }

  /**
   * Ends the order as rejected. Repeating it changes nothing; an order that does not exist has
   * nothing to record (the process still ends as rejected).
   *
   * @throws IllegalStateException if the order ended otherwise already
   */
  public Outcome reject(final String orderId, final RejectionReason reason, final String detail) {
    final String shortDetail =
        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    return finish(orderId, Outcome.REJECTED, reason, shortDetail, false);
  }

  /**
   * Ends the order as cancelled (after the process compensated what was done).
   *
   * @throws IllegalStateException if the order ended otherwise already
   */
  public Outcome cancel(final String orderId) {
    return finish(orderId, Outcome.CANCELLED, null, null, false);
  }

  /**
   * Ends the order as completed: in the same transaction the reserved stock is shipped and the
   * delivery recorded (completion hooks).
   *
   * @throws UnknownOrderException if there is no such order
   * @throws IllegalStateException if the order ended otherwise already
   */
  public Outcome complete(final String orderId) {
    return finish(orderId, Outcome.COMPLETED, null, null, true);
  }

  private Outcome finish(
      final String orderId,
      final Outcome outcome,
      final RejectionReason reason,
      final String detail,
      final boolean mustExist) {
    return tx.inTransaction(
        () -> {
          final Optional<Order> found = orders.find(orderId);
          if (found.isEmpty()) {
            if (mustExist) {
              throw new UnknownOrderException(orderId);
            }
            LOG.warn("Order {} does not exist: nothing to record as {}", orderId, outcome);
            return outcome;
          }
          final Order order = found.get();
          if (order.status().isTerminal()) {
            return sameOutcome(order, outcome);
          }
          final Instant now = clock.instant();
          if (outcome == Outcome.COMPLETED) {
            completionHooks.forEach(hook -> hook.onCompleting(orderId, now));
          }
          if (!orders.finish(orderId, outcome, reason, detail, now)) {
            return sameOutcome(orders.find(orderId).orElseThrow(), outcome);
          }
          events.record(ended(order, outcome, reason, detail, now));
          LOG.info(
              "Order {} {}{}",
              orderId,
              outcome,
              reason == null ? "" : " (" + reason + ": " + detail + ")");
          return outcome;
        });
  }

  /** The event of an order's end; {@code order} is as it was before it ended. */
  private OrderEvent ended(
      final Order order,
      final Outcome outcome,
      final RejectionReason reason,
      final String detail,
      final Instant now) {
    return switch (outcome) {
      case COMPLETED -> OrderEvent.Completed.of(order, salesTax, now);
      case REJECTED ->
          new OrderEvent.Rejected(order.orderId(), order.customerId(), reason, detail, now);
      case CANCELLED ->
          new OrderEvent.Cancelled(order.orderId(), order.customerId(), order.status(), now);
    };
  }

  private static Outcome sameOutcome(final Order order, final Outcome wanted) {
    if (order.outcome() != wanted) {
      throw new IllegalStateException(
          "order "
              + order.orderId()
              + " ended as "
              + order.outcome()
              + ", cannot end as "
              + wanted);
    }
    return wanted;
  }

  private Order sameOrConflict(final Order existing, final PlaceOrder command) {
    if (!existing.matches(command)) {
      throw new OrderConflictException(command.orderId());
    }
    return existing;
  }

  private Order price(final PlaceOrder command, final Instant now) {
    final List<OrderLine> lines = new ArrayList<>();
    String currency = null;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal weight = BigDecimal.ZERO;
    int lineNo = 1;
    for (PlaceOrder.Line line : command.lines()) {
      final PriceList.Item item =
          catalog.find(line.sku()).orElseThrow(() -> new UnknownSkuException(line.sku()));
      if (currency != null && !currency.equals(item.currency())) {
        throw new IllegalStateException(
            "catalog prices in several currencies (" + currency + ", " + item.currency() + ")");
      }
      currency = item.currency();
      final BigDecimal quantity = BigDecimal.valueOf(line.quantity());
      final BigDecimal lineTotal = Money.amount(item.unitPrice().multiply(quantity));
      lines.add(
          new OrderLine(
              lineNo++,
              item.sku(),
              line.quantity(),
              Money.amount(item.unitPrice()),
              lineTotal,
              item.weightKg()));
      total = total.add(lineTotal);
      weight = weight.add(item.weightKg().multiply(quantity));
    }
    return new Order(
        command.orderId(),
        command.customerId(),
        lines,
        Money.amount(total),
        currency,
        weight,
        command.paymentToken(),
        command.shippingAddress(),
        command.express(),
        command.giftWrap(),
        command.insurance(),
        OrderStatus.RECEIVED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        command.correlationId(),
        now,
        now,
        null);
  }
}
