package com.example.fulfillment.app.order;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.engine.ProcessMessages;
import com.example.fulfillment.app.engine.ProcessModels;
import com.example.fulfillment.app.tracing.Spans;
import com.example.fulfillment.app.tracing.Tracing;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderLine;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts an order's process instance through the message start event {@value
 * Messages#ORDER_RECEIVED}, correlation key and message id = the order id.
 *
 * <p>Two engine rules make a re-sent start harmless: while the first start message is kept (its
 * time to live, {@code fulfillment.orders.start-message-ttl}) a message with the same id is
 * refused; and while an instance started with this correlation key is active, no other one is
 * started. A re-send after the first message's time to live goes out with no time to live: a
 * buffered start message would start a second instance once the first one ended.
 *
 * <p>Tracing: the publish is a span {@code start <process>} (a child of the request's span) whose
 * W3C context goes into process variable {@value Variables#TRACEPARENT}, so every job worker of the
 * instance continues the order's trace.
 */
@Component
record OrderProcess(
    ProcessMessages engine,
    ProcessModels models,
    OrderProperties properties,
    Clock clock,
    Tracing tracing) {

  /**
   * Publishes the start message.
   *
   * @param afterEngineLoss the engine lost every instance (embedded restart): no time to live
   * @return false if the engine had the start message already
   * @throws com.example.fulfillment.app.engine.EngineUnavailableException if the engine cannot be
   *     reached
   */
  boolean start(final Order order, final String correlationId, final boolean afterEngineLoss) {
    if (models.deployed().isEmpty()) {
      // A fresh cluster drops a start message published before the process is deployed: the
      // order would be accepted and never start. Treat it like an unreachable engine (retried).
      throw new EngineUnavailableException(
          "the process models are not deployed yet"
              + models.lastFailure().map(f -> " (" + f + ")").orElse(""),
          null);
    }
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Variables.ORDER_ID, order.orderId());
    variables.put(Variables.CUSTOMER_ID, order.customerId());
    variables.put(Variables.LINES, linesOf(order.lines()));
    variables.put(Variables.SHIPPING_COUNTRY, order.shippingAddress().country());
    variables.put(Variables.EXPRESS, order.express());
    variables.put(Variables.GIFT_WRAP, order.giftWrap());
    variables.put(Variables.INSURANCE, order.insurance());
    variables.put(
        Variables.CORRELATION_ID,
        order.correlationId() != null ? order.correlationId() : correlationId);
    variables.put(
        Variables.PAYMENT_CONFIRMATION_TIMEOUT, iso(properties.paymentConfirmationTimeout()));
    variables.put(Variables.DELIVERY_SLA, iso(properties.deliverySla()));
    final Span span =
        Spans.childOfCurrent(tracing.tracer())
            .name("start " + Processes.ORDER_FULFILLMENT)
            .kind(Span.Kind.PRODUCER)
            .tag("order.id", order.orderId())
            .tag("message.name", Messages.ORDER_RECEIVED)
            .start();
    return Spans.within(
        tracing.tracer(),
        span,
        () -> {
          // only the trace context: no baggage or vendor keys as process variables
          tracing
              .propagator()
              .inject(
                  span.context(),
                  variables,
                  (carrier, key, value) -> {
                    if (Variables.TRACEPARENT.equals(key)) {
                      carrier.put(key, value);
                    }
                  });
          return engine.publish(
              new ProcessMessages.Message(
                  Messages.ORDER_RECEIVED,
                  order.orderId(),
                  order.orderId(),
                  afterEngineLoss ? Duration.ZERO : timeToLive(order.createdAt()),
                  variables));
        });
  }

  /** The full time to live within the first message's window, none after it. */
  private Duration timeToLive(final Instant createdAt) {
    final Instant windowEnd = createdAt.plus(properties.startMessageTtl()).minusSeconds(5);
    return clock.instant().isBefore(windowEnd) ? properties.startMessageTtl() : Duration.ZERO;
  }

  /** {@code lines}: [{sku, quantity}] in line order (line n is loopCounter n). */
  private static List<Map<String, Object>> linesOf(final List<OrderLine> lines) {
    return lines.stream()
        .<Map<String, Object>>map(
            l -> Map.of(Variables.SKU, l.sku(), Variables.QUANTITY, l.quantity()))
        .toList();
  }

  /** ISO-8601, whole days as {@code P3D} (timers take both forms). */
  static String iso(final Duration duration) {
    return !duration.isZero() && duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0
        ? "P" + duration.toDays() + "D"
        : duration.toString();
  }
}
