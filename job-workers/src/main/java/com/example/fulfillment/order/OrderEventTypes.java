package com.example.fulfillment.order;

import java.util.List;
import java.util.Map;

/**
 * The CloudEvents types of {@link OrderEvent}s: the published contract (docs/events.md, "Event
 * catalog"), and the newest version of each type's data. The AMQP routing key of an event is its
 * type for version 1 and {@code <type>.v<n>} for version n (contracts module, {@code
 * EventSchemas.routingKey}).
 */
public final class OrderEventTypes {

  public static final String PREFIX = "com.example.order.";
  public static final String ACCEPTED = PREFIX + "accepted";
  public static final String PAID = PREFIX + "paid";
  public static final String SHIPPED = PREFIX + "shipped";
  public static final String COMPLETED = PREFIX + "completed";
  public static final String REJECTED = PREFIX + "rejected";
  public static final String CANCELLED = PREFIX + "cancelled";

  /**
   * The newest version of each type's data (its {@code dataschema} URL ends with it): what every
   * event is published in. Older versions are published beside it only during a migration window
   * ({@link PublishedVersions}).
   */
  public static final Map<String, Integer> LATEST_VERSION =
      Map.of(ACCEPTED, 1, PAID, 1, SHIPPED, 1, COMPLETED, 2, REJECTED, 1, CANCELLED, 1);

  /** Every type, in the order an order's events can come. */
  public static final List<String> ALL =
      List.of(ACCEPTED, PAID, SHIPPED, COMPLETED, REJECTED, CANCELLED);

  private OrderEventTypes() {}
}
