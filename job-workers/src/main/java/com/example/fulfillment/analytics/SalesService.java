package com.example.fulfillment.analytics;

import com.example.fulfillment.common.Money;
import com.example.fulfillment.common.Once;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderProgress;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** Sales analytics: records each fulfilled order's sale once. */
public record SalesService(
    SalesRepository sales, OrderProgress orders, Transactions tx, Clock clock) {

  /** Records the sale (customer and currency from the order). @return when it was recorded */
  public Instant record(final String orderId, final BigDecimal total) {
    return Once.perform(
        tx,
        () -> sales.findRecordedAt(orderId),
        () -> {
          final Order order = orders.get(orderId);
          final Instant now = clock.instant();
          sales.insert(orderId, order.customerId(), Money.amount(total), order.currency(), now);
          return now;
        });
  }

  public BigDecimal revenue() {
    return tx.inTransaction(sales::revenue);
  }
}
