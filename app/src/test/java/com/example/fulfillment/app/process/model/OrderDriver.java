package com.example.fulfillment.app.process.model;

import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.JobStubs;
import com.example.fulfillment.testing.ProcessEngineExtension;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives an order-fulfillment instance step by step, playing every job worker with a plausible
 * answer. Tests go along the happy path as far as they need and then diverge.
 */
final class OrderDriver {

  private final ProcessEngineExtension engine;
  private final JobStubs jobs;
  private final ProcessRecords records;

  OrderDriver(final ProcessEngineExtension engine) {
    this.engine = engine;
    this.jobs = engine.jobs();
    this.records = engine.records();
  }

  /** Publishes OrderReceived like the app does and returns the new instance's key. */
  long place(final TestOrder order) {
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.ORDER_RECEIVED)
        .correlationKey(order.orderId)
        .messageId(order.orderId)
        .variables(order.startVariables())
        .send()
        .join();
    return records.awaitInstanceOf(Processes.ORDER_FULFILLMENT, order.orderId);
  }

  void publish(final String message, final String orderId, final Map<String, Object> variables) {
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(orderId)
        .timeToLive(Duration.ofMinutes(1))
        .variables(variables)
        .send()
        .join();
  }

  /** Completes validate-order with the order's answer, then the fraud review (see below). */
  ActivatedJob validate(final long pi, final TestOrder order) {
    final ActivatedJob validated = jobs.complete(JobTypes.VALIDATE_ORDER, pi, order.validation());
    review(pi);
    return validated;
  }

  /**
   * Completes review-fraud (since version 2) without an answer: its output mapping then keeps the
   * decision's riskLevel.
   */
  ActivatedJob review(final long pi) {
    return jobs.complete(JobTypes.REVIEW_FRAUD, pi);
  }

  /** Completes one reserve-stock job per line; the lines in {@code outOfStock} throw the error. */
  List<ActivatedJob> reserve(final long pi, final TestOrder order, final Set<Integer> outOfStock) {
    final List<ActivatedJob> reserved = new ArrayList<>();
    for (int i = 0; i < order.lines; i++) {
      final ActivatedJob job = jobs.activate(JobTypes.RESERVE_STOCK, pi);
      final Map<String, Object> in = job.getVariablesAsMap();
      final int lineNo = ((Number) in.get("lineNo")).intValue();
      if (outOfStock.contains(lineNo)) {
        jobs.throwError(job, Errors.INSUFFICIENT_STOCK, "only 0 of " + in.get("sku") + " left");
      } else {
        jobs.complete(job, JobStubs.reserved(job));
        reserved.add(job);
      }
    }
    return reserved;
  }

  List<ActivatedJob> reserveAll(final long pi, final TestOrder order) {
    return reserve(pi, order, Set.of());
  }

  ActivatedJob charge(final long pi) {
    return charge(pi, PaymentStatuses.CHARGED);
  }

  ActivatedJob charge(final long pi, final String paymentStatus) {
    return jobs.complete(
        JobTypes.CHARGE_PAYMENT,
        pi,
        Map.of("paymentStatus", paymentStatus, "chargeId", "ch-" + pi));
  }

  void pickPackAndInvoice(final long pi) {
    jobs.complete(JobTypes.PICK_AND_PACK, pi, Map.of("packageId", "pkg-" + pi));
    jobs.complete(JobTypes.GENERATE_INVOICE, pi, Map.of("invoiceNumber", "inv-" + pi));
  }

  /** Completes the extras the order asked for. */
  void extras(final long pi, final TestOrder order) {
    if (order.giftWrap) {
      jobs.complete(JobTypes.GIFT_WRAP, pi, Map.of("giftWrapped", true));
    }
    if (order.insurance) {
      jobs.complete(JobTypes.INSURE_SHIPMENT, pi, Map.of("insurancePolicy", "pol-" + pi));
    }
  }

  ActivatedJob createShipment(final long pi) {
    return jobs.complete(
        JobTypes.CREATE_SHIPMENT,
        pi,
        Map.of("shipmentId", "shp-" + pi, "trackingNumber", "trk-" + pi));
  }

  /**
   * Plays the shipping child instance (drone or carrier, whichever the DMN picked, then scheduling)
   * and leaves it waiting for ShipmentDelivered; returns its key.
   */
  long dispatch(final long pi) {
    final long shipping = records.awaitChildInstance(pi);
    engine.waitForIdleState();
    final String assignment =
        records.hasActivated(shipping, "AssignDrone")
            ? JobTypes.ASSIGN_DRONE
            : JobTypes.ASSIGN_CARRIER;
    jobs.complete(assignment, shipping, Map.of("carrier", "carrier-" + pi));
    jobs.complete(JobTypes.SCHEDULE_DELIVERY, shipping, Map.of("estimatedDelivery", "2026-12-01"));
    records.awaitActivated(shipping, "AwaitDelivery");
    return shipping;
  }

  void deliver(final String orderId) {
    publish(Messages.SHIPMENT_DELIVERED, orderId, Map.of("deliveredAt", "2026-11-30T10:00:00Z"));
  }

  void completeAndNotify(final long pi) {
    jobs.complete(JobTypes.COMPLETE_ORDER, pi, Map.of());
    jobs.complete(JobTypes.NOTIFY_CUSTOMER, pi, Map.of());
  }

  /**
   * From the charge to the dispatch (payment charged at once, the extras the order asked for): the
   * order then waits for its delivery. Returns the shipping instance's key.
   */
  long chargeAndShip(final long pi, final TestOrder order) {
    charge(pi);
    pickPackAndInvoice(pi);
    extras(pi, order);
    createShipment(pi);
    return dispatch(pi);
  }

  /** Reports the delivery, completes the order's last jobs and waits for the end. */
  void deliverAndComplete(final long pi, final TestOrder order) {
    deliver(order.orderId);
    completeAndNotify(pi);
    records.awaitProcessCompleted(pi);
  }

  /** Places the order and validates it: the order then goes on to the risk check. */
  long placeAndValidate(final TestOrder order) {
    final long pi = place(order);
    validate(pi, order);
    return pi;
  }

  /**
   * Places the order, validates it and reserves all its lines: the order then waits for the charge.
   */
  long placeAndReserve(final TestOrder order) {
    final long pi = placeAndValidate(order);
    reserveAll(pi, order);
    return pi;
  }

  /** Runs the whole happy path (payment charged at once) and waits for the end. */
  long fulfil(final TestOrder order) {
    final long pi = placeAndReserve(order);
    chargeAndShip(pi, order);
    deliverAndComplete(pi, order);
    return pi;
  }

  /** Completes every pending release-stock job of the instance; returns their lineNo inputs. */
  List<Integer> releaseLines(final long pi, final int count) {
    final List<Integer> lineNos = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      final ActivatedJob job = jobs.complete(JobTypes.RELEASE_STOCK, pi, Map.of());
      lineNos.add(((Number) job.getVariablesAsMap().get("lineNo")).intValue());
    }
    return lineNos;
  }
}
