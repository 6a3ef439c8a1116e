package com.example.fulfillment.app.order;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderConflictException;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.order.PriceList;
import com.example.fulfillment.order.UnknownSkuException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accepts orders, idempotently. In this order, each step safe to repeat:
 *
 * <ol>
 *   <li>every SKU must be in the catalog (else nothing is stored or started);
 *   <li>the order id: the client's own, or derived from the client and its {@code Idempotency-Key}
 *       (so racing duplicates agree on it), or a fresh one;
 *   <li>the key is claimed with the request's hash ({@code order_request}): a key used before for
 *       another request is refused, one used for the same request names the same order;
 *   <li>the order is recorded through the domain's idempotent {@link OrderService#place} (same id +
 *       same content → the same order; the primary key settles races);
 *   <li>unless the order is linked to a process instance already, the start message is published
 *       (message id = order id; see {@link OrderProcess}). A duplicate of a request whose first
 *       attempt crashed or met an unreachable engine so starts the order after all.
 * </ol>
 *
 * If the engine is unreachable the order stays RECEIVED without an instance (never rolled back: the
 * publish may have reached the engine) and {@link OrderStartDeferredException} says so.
 */
@Service
public record OrderIntake(
    OrderService orders,
    PriceList catalog,
    OrderRequests requests,
    OrderProcess process,
    ProcessInstanceKeyWaiter keys,
    Timeline timeline,
    OrderProperties properties,
    Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

  /** What came of a request. */
  public record Placement(Order order, boolean replayed) {}

  /**
   * @throws UnknownSkuException if a SKU is not in the catalog (nothing stored)
   * @throws IdempotencyKeyReusedException if the key stands for another request
   * @throws OrderConflictException if the client's order id names an order with other content
   * @throws OrderStartDeferredException if the order is recorded but the engine is unreachable
   */
  public Placement place(final NewOrder request) {
    for (PlaceOrder.Line line : request.order().lines()) {
      if (catalog.find(line.sku()).isEmpty()) {
        throw new UnknownSkuException(line.sku());
      }
    }
    String orderId = request.order().orderId();
    boolean replayed = false;
    if (request.idempotencyKey() != null) {
      final Optional<OrderRequests.Claim> claimed =
          requests.claim(
              request.clientId(),
              request.idempotencyKey(),
              request.requestHash(),
              orderId,
              clock.instant());
      if (claimed.isPresent()) {
        if (!claimed.get().requestHash().equals(request.requestHash())) {
          throw new IdempotencyKeyReusedException(request.idempotencyKey());
        }
        orderId = claimed.get().orderId();
        replayed = true;
      }
    }
    replayed |= orders.find(orderId).isPresent();
    final Order order;
    try {
      order = orders.place(request.order().withOrderId(orderId));
    } catch (OrderConflictException | UnknownSkuException refused) {
      if (request.idempotencyKey() != null) {
        requests.release(request.clientId(), request.idempotencyKey(), request.requestHash());
      }
      throw refused;
    }
    timeline.append(
        TimelineEntry.about(
            order.orderId(),
            "api:placed:" + order.orderId(),
            order.createdAt(),
            TimelineEntry.Source.API,
            TimelineEntry.Kind.ORDER_PLACED,
            null,
            order.lines().size() + " line(s), total " + order.total() + " " + order.currency()));
    if (order.processInstanceKey() != null || order.status().isTerminal()) {
      return new Placement(order, replayed);
    }
    return new Placement(start(order, request.order().correlationId()), replayed);
  }

  /** Publishes the start and waits briefly for the instance to link itself to the order. */
  private Order start(final Order order, final String correlationId) {
    final var key = keys.expect(order.orderId());
    try {
      process.start(order, correlationId, false);
      return keys.await(order.orderId(), key, properties.awaitInstanceKey())
          .flatMap(k -> orders.find(order.orderId()))
          .orElse(order);
    } catch (EngineUnavailableException e) {
      LOG.warn(
          "Order {} recorded, but its process could not be started: {}",
          order.orderId(),
          e.getMessage());
      throw new OrderStartDeferredException(order.orderId(), e);
    } finally {
      keys.forget(order.orderId(), key);
    }
  }

  /**
   * The id of a new order: the client's own, else one derived from the client and its {@code
   * Idempotency-Key} (the same request gets the same id), else a random one.
   */
  public static String orderIdFor(
      final String clientId, final String idempotencyKey, final String requestedOrderId) {
    if (requestedOrderId != null) {
      return requestedOrderId;
    }
    if (idempotencyKey != null) {
      final byte[] name = (clientId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
      return "ord_" + UUID.nameUUIDFromBytes(name);
    }
    return "ord_" + UUID.randomUUID();
  }
}
