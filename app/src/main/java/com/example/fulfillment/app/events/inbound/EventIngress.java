package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.events.EventProperties;
import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.inbound.InvalidEventException.Violation;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.tracing.Spans;
import com.example.fulfillment.app.tracing.Tracing;
import com.example.fulfillment.app.web.SafeText;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.OrderStatus;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.shipping.ShippingService;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way external events reach an order's process, whatever carried them (the HTTP webhook,
 * the RabbitMQ consumer, the sandbox carrier): validates the CloudEvent, finds the order (subject
 * or {@code data.orderId}), and relays the BPMN message it stands for with message id = the event
 * id, so a duplicate event has one effect (database row + the engine's message id).
 *
 * <ul>
 *   <li>{@value EventTypes#PAYMENT_CONFIRMED} → {@code PaymentConfirmed}
 *   <li>{@value EventTypes#PAYMENT_DECLINED} → {@code PaymentDeclined}; {@code data.reason} →
 *       variable {@code rejectionDetail}
 *   <li>{@value EventTypes#SHIPMENT_DELIVERED} → {@code ShipmentDelivered}; {@code
 *       data.deliveredAt} → variable {@code deliveredAt}; the order is marked DELIVERED
 * </ul>
 *
 * An event for an order that has ended is accepted and ignored.
 */
@Service
public record EventIngress(
    OrderService orders,
    MessageRelay relay,
    ShippingService shipping,
    Timeline timeline,
    EventProperties properties,
    Clock clock,
    Tracing tracing) {

  private static final Logger LOG = LoggerFactory.getLogger(EventIngress.class);

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_ID = 200;

  /** What happened to an accepted event. */
  public enum Result {
    /** Relayed to the order's process now. */
    ACCEPTED,
    /** Seen before (same id): no second effect. */
    DUPLICATE,
    /** The order has ended: nothing to do. */
    IGNORED
  }

  /** The answer to an accepted event. */
  public record Acceptance(String eventId, String orderId, String messageName, Result result) {}

  /**
   * @throws InvalidEventException if the event is not a valid CloudEvent 1.0 of a handled type
   * @throws EventForUnknownOrderException if it names no existing order
   * @throws com.example.fulfillment.app.engine.EngineUnavailableException if the engine cannot take
   *     it now (retry the same event)
   */
  public Acceptance accept(final IncomingEvent event) {
    final Span span = correlationSpan(event);
    return Spans.within(
        tracing.tracer(),
        span,
        () -> {
          final Acceptance acceptance = correlate(event);
          span.tag("order.id", acceptance.orderId())
              .tag("event.result", acceptance.result().name());
          return acceptance;
        });
  }

  /**
   * The span {@code correlate <type>}: a child of the event's own trace context (CloudEvents
   * distributed-tracing extension) unless the transport's span (HTTP request, AMQP delivery)
   * continues that trace already; else of the transport's span, else a new trace.
   */
  private Span correlationSpan(final IncomingEvent event) {
    final Span.Builder builder;
    if (event.traceparent() != null && !inTraceOf(event.traceparent())) {
      final Map<String, String> context = new LinkedHashMap<>();
      context.put("traceparent", event.traceparent());
      if (event.tracestate() != null) {
        context.put("tracestate", event.tracestate());
      }
      builder = tracing.propagator().extract(context, Map::get);
    } else {
      builder = Spans.childOfCurrent(tracing.tracer());
    }
    return builder
        .name("correlate " + label(event.type()))
        .kind(Span.Kind.CONSUMER)
        .tag("event.id", label(event.id()))
        .tag("event.source", label(event.source()))
        .start();
  }

  /** Untrusted text as a span name or tag: bounded. */
  private static String label(final String text) {
    final String value = String.valueOf(text);
    return value.length() <= 120 ? value : value.substring(0, 120);
  }

  /** Whether the current span belongs to the trace of this W3C {@code traceparent}. */
  private boolean inTraceOf(final String traceparent) {
    final TraceContext current = tracing.tracer().currentTraceContext().context();
    return current != null && traceparent.contains("-" + current.traceId() + "-");
  }

  private Acceptance correlate(final IncomingEvent event) {
    final Valid valid = validate(event);
    final Order order =
        orders
            .find(valid.orderId())
            .orElseThrow(() -> new EventForUnknownOrderException(valid.orderId()));
    final Instant now = clock.instant();
    final InboundMessages.Stored message =
        new InboundMessages.Stored(
            event.id(),
            order.orderId(),
            valid.messageName(),
            event.source(),
            event.type(),
            valid.variables(),
            now,
            null);
    if (order.status().isTerminal()) {
      record(
          order,
          event,
          valid,
          now,
          TimelineEntry.Kind.EVENT_IGNORED,
          describe(event) + " ignored: the order is " + order.status());
      return new Acceptance(event.id(), order.orderId(), valid.messageName(), Result.IGNORED);
    }
    if (valid.confirmedCharge() != null) {
      checkConfirmedAmount(order, valid.confirmedCharge());
    }
    if (Messages.SHIPMENT_DELIVERED.equals(valid.messageName())) {
      // Record the carrier's word before the engine hears it: once the message is in, the
      // process may complete the order (which records a delivery itself when none is known).
      markDelivered(order, valid.deliveredAt() != null ? valid.deliveredAt() : now);
    }
    final MessageRelay.Outcome outcome = relay.relay(message, properties.messageTtl());
    if (outcome == MessageRelay.Outcome.PUBLISHED) {
      record(order, event, valid, now, TimelineEntry.Kind.MESSAGE_PUBLISHED, describe(event));
      LOG.info(
          "Event {} ({}) relayed to order {} as {}",
          event.id(),
          event.type(),
          order.orderId(),
          valid.messageName());
    }
    return new Acceptance(
        event.id(),
        order.orderId(),
        valid.messageName(),
        outcome == MessageRelay.Outcome.PUBLISHED ? Result.ACCEPTED : Result.DUPLICATE);
  }

  /**
   * A confirmation from version 2 on (or with version 2's fields) names the amount it confirms:
   * anything but the order's charge (its total, in its currency) is refused before it is
   * correlated, not taken on trust.
   */
  private static void checkConfirmedAmount(final Order order, final ConfirmedCharge charge) {
    final BigDecimal amount = charge.amount();
    final String currency = charge.currency();
    if (amount.compareTo(order.total()) != 0 || !currency.equals(order.currency())) {
      throw new InvalidEventException(
          List.of(
              new Violation(
                  "/data/amount",
                  amount.toPlainString()
                      + " "
                      + currency
                      + " is not the charge of order "
                      + order.orderId()
                      + " ("
                      + order.total().toPlainString()
                      + " "
                      + order.currency()
                      + ")")));
    }
  }

  /** The carrier says so: the order is DELIVERED (only once its delivery was scheduled). */
  private void markDelivered(final Order order, final Instant deliveredAt) {
    final OrderStatus status =
        orders.find(order.orderId()).map(Order::status).orElse(order.status());
    if (status == OrderStatus.SHIPPED) {
      shipping.markDelivered(order.orderId(), deliveredAt);
    }
  }

  /** The event in the order's timeline, once per event id. */
  private void record(
      final Order order,
      final IncomingEvent event,
      final Valid valid,
      final Instant at,
      final TimelineEntry.Kind kind,
      final String detail) {
    timeline.append(
        TimelineEntry.about(
            order.orderId(),
            "event:" + event.id(),
            at,
            TimelineEntry.Source.API,
            kind,
            valid.messageName(),
            detail));
  }

  private static String describe(final IncomingEvent event) {
    return "CloudEvent " + event.type() + " " + event.id() + " from " + event.source();
  }

  /**
   * @param deliveredAt the carrier's delivery time (shipment.delivered), if it gave one
   * @param confirmedCharge what a confirmation checked as version 2 on confirms (null otherwise)
   */
  private record Valid(
      String orderId,
      String messageName,
      Map<String, Object> variables,
      Instant deliveredAt,
      ConfirmedCharge confirmedCharge) {}

  /** The amount and currency a payment confirmation names (payment.confirmed from version 2). */
  private record ConfirmedCharge(BigDecimal amount, String currency) {}

  private static Valid validate(final IncomingEvent event) {
    final List<Violation> errors = new ArrayList<>();
    if (!"1.0".equals(event.specVersion())) {
      errors.add(new Violation("specversion", "must be 1.0"));
    }
    requireText(event.id(), "id", MAX_ID, errors);
    requireText(event.source(), "source", MAX_ID, errors);
    final String messageName =
        event.type() == null ? null : EventTypes.MESSAGE_OF.get(event.type());
    if (messageName == null) {
      errors.add(
          new Violation(
              "type",
              "must be one of " + EventTypes.MESSAGE_OF.keySet().stream().sorted().toList()));
    }
    if (event.dataContentType() != null
        && !event
            .dataContentType()
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("application/json")) {
      errors.add(new Violation("datacontenttype", "must be application/json"));
    }
    if (event.time() != null) {
      parseTime(event.time(), "time", errors);
    }
    int checkedAs = 1;
    if (messageName != null) {
      // the contract first: what the schema says (types, required fields, lengths, formats) is
      // checked there; below only what it cannot say (subject vs data, printable text)
      final InboundSchemas.Checked checked =
          InboundSchemas.check(event.type(), event.dataSchema(), event.data());
      errors.addAll(checked.violations());
      checkedAs = checked.version();
    }
    if (!errors.isEmpty()) {
      throw new InvalidEventException(errors);
    }
    final Map<String, Object> data = event.data() == null ? Map.of() : event.data();
    final String dataOrderId = (String) data.get("orderId");
    String orderId = event.subject();
    if (dataOrderId != null) {
      if (orderId != null && !orderId.equals(dataOrderId)) {
        errors.add(new Violation("subject", "must equal data.orderId when both are given"));
      }
      orderId = orderId != null ? orderId : dataOrderId;
    }
    if (orderId == null) {
      errors.add(new Violation("subject", "must name the order (or data.orderId)"));
    } else if (!ORDER_ID.matcher(orderId).matches()) {
      errors.add(new Violation("subject", "must be an order id ([A-Za-z0-9._-], at most 64)"));
    }
    final Map<String, Object> variables = new LinkedHashMap<>();
    Instant deliveredAt = null;
    if (Messages.PAYMENT_DECLINED.equals(messageName)) {
      final String reason = (String) data.get("reason");
      if (reason != null && hasControl(reason)) {
        errors.add(new Violation("/data/reason", "must be printable text"));
      } else {
        variables.put(
            Variables.REJECTION_DETAIL,
            reason == null || reason.isBlank()
                ? "payment declined by the provider"
                : reason.strip());
      }
    }
    if (Messages.SHIPMENT_DELIVERED.equals(messageName) && data.get("deliveredAt") != null) {
      deliveredAt = parseTime((String) data.get("deliveredAt"), "/data/deliveredAt", errors);
      if (deliveredAt != null) {
        variables.put(Variables.DELIVERED_AT, deliveredAt.toString());
      }
    }
    // from version 2 on, a confirmation names the charge it confirms (the schema made it a decimal)
    final ConfirmedCharge confirmedCharge =
        Messages.PAYMENT_CONFIRMED.equals(messageName) && checkedAs >= 2
            ? new ConfirmedCharge(
                new BigDecimal(String.valueOf(data.get("amount"))),
                String.valueOf(data.get("currency")))
            : null;
    if (!errors.isEmpty()) {
      throw new InvalidEventException(errors);
    }
    return new Valid(orderId, messageName, variables, deliveredAt, confirmedCharge);
  }

  private static void requireText(
      final String value, final String field, final int max, final List<Violation> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new Violation(field, "is required"));
    } else if (value.length() > max || hasControl(value)) {
      errors.add(new Violation(field, "must be at most " + max + " printable characters"));
    }
  }

  private static Instant parseTime(
      final String text, final String field, final List<Violation> errors) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new Violation(field, "must be an RFC 3339 timestamp"));
      return null;
    }
  }

  private static boolean hasControl(final String s) {
    return !SafeText.isPrintable(s);
  }
}
