package com.example.fulfillment.app.order;

import com.example.fulfillment.app.engine.EngineStateWatch.EngineStateLost;
import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.engine.ProcessModels;
import com.example.fulfillment.app.events.EventProperties;
import com.example.fulfillment.app.events.inbound.InboundMessages;
import com.example.fulfillment.app.events.inbound.MessageRelay;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderPage;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.order.OrderSummary;
import com.example.fulfillment.process.ProcessConstants.Elements;
import com.example.fulfillment.process.ProcessConstants.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings orders whose process is missing back on track.
 *
 * <p><b>Engine state lost</b> ({@link EngineStateLost}, noticed by {@code EngineStateWatch}). The
 * embedded engine starts empty with every app start, and the development engine after its own
 * restart: the unfinished orders in the (persistent) database placed before the loss have no
 * process instance any more. Each one is started again: its stale instance key is cleared (keys
 * repeat across restarts), {@code OrderReceived} is published again, and the messages the app had
 * accepted for it (payment and delivery events) are published again, so the new instance finds them
 * where the old one had them. Every worker step is idempotent (keyed by order and step), so the new
 * instance walks through what was done without doing it twice. A cancellation accepted before the
 * restart is published again only once the new instance has caught up with the order's recorded
 * progress (it has entered the step after it; {@link CancellationsAfterRestart}): compensation
 * undoes only steps the instance completed.
 *
 * <p><b>Deferred starts</b> (both modes). An order recorded while the engine was unreachable stays
 * RECEIVED without an instance; every {@code fulfillment.orders.start-retry-interval} such orders
 * are started again (a repeated request with the same key does the same at once).
 */
@Component
record OrderRecovery(
    OrderService orders,
    OrderProcess process,
    InboundMessages messages,
    MessageRelay relay,
    CancellationsAfterRestart cancellations,
    Timeline timeline,
    OrderProperties properties,
    EventProperties eventProperties,
    Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(OrderRecovery.class);
  private static final int PAGE = 200;

  /** The step entered once the new instance has caught up with an order in this status. */
  private static final Map<OrderStatus, Set<String>> CAUGHT_UP_AT =
      Map.of(
          OrderStatus.STOCK_RESERVED, Set.of(Elements.CHARGE_PAYMENT),
          OrderStatus.AWAITING_PAYMENT_CONFIRMATION, Set.of(Elements.AWAIT_PAYMENT_CONFIRMATION),
          OrderStatus.PAID, Set.of(Elements.FULFILMENT_FORK),
          OrderStatus.PACKED, Set.of(Elements.EXTRAS_GATEWAY),
          OrderStatus.SHIPPED, Set.of(Elements.AWAIT_DELIVERY));

  /** Starts the processes of the unfinished orders placed before the engine lost its state. */
  @EventListener
  void restartAfterEngineLoss(final EngineStateLost lost) {
    if (!properties.restartOnStartup()) {
      return;
    }
    int restarted = 0;
    String after = "";
    for (List<String> ids = orders.unfinished(after, PAGE);
        !ids.isEmpty();
        ids = orders.unfinished(after, PAGE)) {
      for (String orderId : ids) {
        try {
          restarted += restart(orderId, lost) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.error("Order {} could not be restarted; a later start retry may", orderId, e);
        }
      }
      after = ids.getLast();
    }
    if (restarted > 0) {
      LOG.info("Engine state lost: restarted the process of {} unfinished order(s)", restarted);
    }
  }

  /** Starts the order's process again after the engine lost it. */
  boolean restart(final String orderId, final EngineStateLost lost) {
    final Order order = orders.find(orderId).orElse(null);
    if (order == null
        || order.status().isTerminal()
        || !order.createdAt().isBefore(lost.lostBefore())) {
      return false;
    }
    if (order.processInstanceKey() != null) {
      orders.forgetProcessInstance(orderId, order.processInstanceKey());
    }
    process.start(order, null, true);
    for (InboundMessages.Stored message : messages.ofOrder(orderId)) {
      if (Messages.ORDER_CANCELLED.equals(message.messageName())
          && CAUGHT_UP_AT.containsKey(order.status())) {
        cancellations.holdUntil(orderId, CAUGHT_UP_AT.get(order.status()), message);
      } else {
        relay.publish(message, ttlOf(message));
      }
    }
    timeline.append(
        TimelineEntry.about(
            orderId,
            "app:restart:" + lost.id() + ":" + orderId,
            clock.instant(),
            TimelineEntry.Source.APP,
            TimelineEntry.Kind.PROCESS_RESTARTED,
            Messages.ORDER_RECEIVED,
            "process started again after the engine lost it (was " + order.status() + ")"));
    LOG.info("Order {} ({}) restarted", orderId, order.status());
    return true;
  }

  /**
   * The models have just been deployed (startup, or a cluster that came back): orders accepted
   * meanwhile (answered 503) are started now rather than at the next periodic retry.
   */
  @EventListener(ProcessModels.ModelsDeployed.class)
  void startDeferredOrdersNow() {
    retryDeferredStarts(clock.instant());
  }

  /** Starts orders that were recorded while the engine was unreachable. */
  @Scheduled(
      initialDelayString = "${fulfillment.orders.start-retry-interval:PT1M}",
      fixedDelayString = "${fulfillment.orders.start-retry-interval:PT1M}")
  void retryDeferredStarts() {
    retryDeferredStarts(clock.instant().minus(properties.startRetryAfter()));
  }

  /** Starts the orders recorded before {@code before} that have no process instance yet. */
  private void retryDeferredStarts(final Instant before) {
    for (int page = 0; page < 10; page++) {
      final OrderPage received = orders.list(OrderStatus.RECEIVED, page, PAGE);
      for (OrderSummary summary : received.items()) {
        if (summary.processInstanceKey() == null && summary.createdAt().isBefore(before)) {
          orders.find(summary.orderId()).ifPresent(this::retryStart);
        }
      }
      if (received.items().size() < PAGE) {
        return;
      }
    }
  }

  private void retryStart(final Order order) {
    try {
      process.start(order, null, false);
      LOG.info("Order {}: start sent again (no process instance linked yet)", order.orderId());
    } catch (EngineUnavailableException e) {
      LOG.warn("Order {}: engine still unavailable ({})", order.orderId(), e.getMessage());
    }
  }

  private java.time.Duration ttlOf(final InboundMessages.Stored message) {
    return Messages.ORDER_CANCELLED.equals(message.messageName())
        ? properties.cancelMessageTtl()
        : eventProperties.messageTtl();
  }
}
