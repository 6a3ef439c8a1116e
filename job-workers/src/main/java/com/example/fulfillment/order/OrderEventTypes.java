package com.example.fulfillment.order;

import java.util.List;

/**
 * The CloudEvents types of {@link OrderEvent}s: the published contract (docs/events.md, "Event
 * catalog"). The AMQP routing key of each event is its type.
 */
public final class OrderEventTypes {

  public static final String PREFIX = "com.example.order.";
  public static final String ACCEPTED = PREFIX + "accepted";
  public static final String PAID = PREFIX + "paid";
  public static final String SHIPPED = PREFIX + "shipped";
  public static final String COMPLETED = PREFIX + "completed";
  public static final String REJECTED = PREFIX + "rejected";
  public static final String CANCELLED = PREFIX + "cancelled";

  /** Version of the data schema of every type (its {@code dataschema} URL ends with it). */
  public static final int SCHEMA_VERSION = 1;

  /** Every type, in the order an order's events can come. */
  public static final List<String> ALL =
      List.of(ACCEPTED, PAID, SHIPPED, COMPLETED, REJECTED, CANCELLED);

  private OrderEventTypes() {}
}
