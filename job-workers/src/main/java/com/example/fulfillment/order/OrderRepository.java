package com.example.fulfillment.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for orders. Every change is a conditional update: it reports whether it applied. */
public interface OrderRepository {

  /**
   * Stores a new order and its lines.
   *
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order id is taken
   */
  void insert(Order order);

  /** The order with its lines, payment and shipment summaries. */
  Optional<Order> find(String orderId);

  /**
   * Orders newest first (creation time, then id), optionally only those in {@code status}.
   *
   * @param status null for all
   */
  List<OrderSummary> list(OrderStatus status, int offset, int limit);

  /** How many orders {@link #list} can return in all. */
  long count(OrderStatus status);

  /**
   * Ids of the orders that have not ended, in id order, after {@code afterOrderId} (paging; ""
   * first).
   */
  List<String> unfinished(String afterOrderId, int limit);

  /**
   * Unlinks a non-terminal order from {@code staleKey}, the process instance it had before the
   * engine lost its state; false if the order has another key or has ended.
   */
  boolean unlinkProcessInstance(String orderId, long staleKey, Instant now);

  /**
   * The order linked to this process instance: the one that has not ended first (keys start over
   * with every embedded engine, so an ended order may carry the same key), then the latest change.
   */
  Optional<String> orderIdOf(long processInstanceKey);

  /** Sets the process instance key unless one is set already. */
  boolean linkProcessInstance(String orderId, long processInstanceKey, Instant now);

  /** Moves a non-terminal order to {@code status} if it is still before it. */
  boolean advance(String orderId, OrderStatus status, Instant now);

  /**
   * Reads the order's status and locks its row until the surrounding transaction ends, so an effect
   * recorded in that transaction and the order ending exclude each other.
   */
  Optional<OrderStatus> lockStatus(String orderId);

  /** RECEIVED → VALIDATED with the customer's previous orders, unless validated before. */
  boolean markValidated(String orderId, int previousOrders, Instant now);

  /** The customer's completed orders, this one excluded. */
  int countCompleted(String customerId, String excludingOrderId);

  /** Ends a non-terminal order with {@code outcome}; false if it had ended already. */
  boolean finish(
      String orderId, Outcome outcome, RejectionReason reason, String detail, Instant now);
}
