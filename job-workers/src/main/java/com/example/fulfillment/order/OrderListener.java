package com.example.fulfillment.order;

/** Told about order changes that callers may be waiting for (e.g. the API awaiting a start). */
public interface OrderListener {

  /** The order has been linked to its process instance (called again for later link attempts). */
  void processInstanceLinked(Order order);

  OrderListener NONE = order -> {};
}
