package com.example.fulfillment.order;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an order that will not be fulfilled (cancelled or rejected) and makes sure nothing of it is
 * left behind.
 *
 * <p>The model compensates every completed step before it gets here. What compensation cannot see
 * is a step that was running when a cancellation interrupted it: the engine never compensates an
 * activity it terminated, yet that step's worker may have reserved, charged or shipped a moment
 * before. So after recording the outcome, this undoes whatever is still held for the order
 * (releases reservations, refunds or voids the payment, cancels the shipment). Each undo is
 * idempotent, so after a normal compensation it changes nothing. A step that records its effect
 * after the order ended sees the ending under the order's row lock and undoes itself (see {@code
 * OrderProgress.lockForEffect}).
 *
 * @param undoInReverseStepOrder the capabilities' hooks, newest step first (shipment, payment,
 *     stock), like the model's compensation
 */
public record OrderClosing(OrderService orders, List<ClosingHook> undoInReverseStepOrder) {

  private static final Logger LOG = LoggerFactory.getLogger(OrderClosing.class);

  public OrderClosing {
    undoInReverseStepOrder = List.copyOf(undoInReverseStepOrder);
  }

  public Outcome cancel(final String orderId) {
    final Outcome outcome = orders.cancel(orderId);
    undoWhatIsLeft(orderId);
    return outcome;
  }

  public Outcome reject(final String orderId, final RejectionReason reason, final String detail) {
    final Outcome outcome = orders.reject(orderId, reason, detail);
    undoWhatIsLeft(orderId);
    return outcome;
  }

  private void undoWhatIsLeft(final String orderId) {
    undoInReverseStepOrder.forEach(hook -> hook.undoLeftovers(orderId));
    LOG.debug("Order {} closed: nothing of it is held any more", orderId);
  }
}
