package com.example.fulfillment.shipping.worker;

import static com.example.fulfillment.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.shipping.ShipmentStatus;
import com.example.fulfillment.support.Concurrently;
import com.example.fulfillment.support.FixtureTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ShippingWorkersTest extends FixtureTest {

  final CreateShipmentWorker create = new CreateShipmentWorker(f.shipping, f.jobs);
  final AssignCarrierWorker carrier = new AssignCarrierWorker(f.shipping, f.jobs);
  final AssignDroneWorker drone = new AssignDroneWorker(f.shipping, f.jobs);
  final ScheduleDeliveryWorker schedule = new ScheduleDeliveryWorker(f.shipping, f.jobs);
  final CancelShipmentWorker cancel = new CancelShipmentWorker(f.shipping, f.jobs);
  final EscalateLateDeliveryWorker escalate = new EscalateLateDeliveryWorker(f.shipping, f.jobs);
  final InsureShipmentWorker insure = new InsureShipmentWorker(f.shipping, f.jobs);

  @Test
  void aShipmentIsCreatedOnceAndDeliveredByCarrier() {
    final Order order = f.place("tok_ok", "SKU-1:1");
    final String id = order.orderId();

    final var created =
        Concurrently.run(10, i -> create.createShipment(job(JobTypes.CREATE_SHIPMENT, id), id));
    final var shipment = created.get(0);
    assertThat(new HashSet<>(created)).containsExactly(shipment);
    assertThat(shipment.trackingNumber()).startsWith("TRK");

    assertThat(
            carrier.assignCarrier(
                job(JobTypes.ASSIGN_CARRIER, id),
                new AssignCarrierWorker.Input(id, shipment.shipmentId(), "EXPRESS")))
        .isEqualTo(new CarrierOutput("UPS Express"));
    final var eta =
        schedule.scheduleDelivery(
            job(JobTypes.SCHEDULE_DELIVERY, id),
            new ScheduleDeliveryWorker.Input(id, shipment.shipmentId(), "UPS Express"));
    assertThat(Instant.parse(eta.estimatedDelivery()))
        .isEqualTo(f.clock.instant().plus(Duration.ofDays(1)));
    assertThat(
            schedule.scheduleDelivery(
                job(JobTypes.SCHEDULE_DELIVERY, id),
                new ScheduleDeliveryWorker.Input(id, shipment.shipmentId(), null)))
        .as("carrier is informative, not required")
        .isEqualTo(eta);

    escalate.escalateLateDelivery(
        job(JobTypes.ESCALATE_LATE_DELIVERY, id),
        new EscalateLateDeliveryWorker.Input(id, shipment.shipmentId()));
    escalate.escalateLateDelivery(
        job(JobTypes.ESCALATE_LATE_DELIVERY, id),
        new EscalateLateDeliveryWorker.Input(id, shipment.shipmentId()));
    assertThat(f.count("delivery_escalation", id)).isEqualTo(1);
  }

  @Test
  void aDroneShipmentCanBeCancelledRepeatedly() {
    final Order order = f.place("tok_ok", "SKU-2:1");
    final String id = order.orderId();
    cancel.cancelShipment(job(JobTypes.CANCEL_SHIPMENT, id), id); // nothing to undo yet
    final var shipment = create.createShipment(job(JobTypes.CREATE_SHIPMENT, id), id);

    assertThat(
            drone.assignDrone(
                job(JobTypes.ASSIGN_DRONE, id),
                new AssignDroneWorker.Input(id, shipment.shipmentId())))
        .isEqualTo(new CarrierOutput("SkyDrop drone fleet"));
    cancel.cancelShipment(job(JobTypes.CANCEL_SHIPMENT, id), id);
    cancel.cancelShipment(job(JobTypes.CANCEL_SHIPMENT, id), id);

    assertThat(f.shipmentOf(id).orElseThrow().status()).isEqualTo(ShipmentStatus.CANCELLED);
  }

  @Test
  void insuranceIsTakenOutOnce() {
    final Order order = f.place("tok_ok", "SKU-18:1");
    final String id = order.orderId();
    final var input = new InsureShipmentWorker.Input(id, order.total(), null);

    final var policy = insure.insureShipment(job(JobTypes.INSURE_SHIPMENT, id), input);

    assertThat(policy.insurancePolicy()).startsWith("POL-");
    assertThat(insure.insureShipment(job(JobTypes.INSURE_SHIPMENT, id), input)).isEqualTo(policy);
    assertThat(f.shipping.insure(id, order.total(), "EUR").premium())
        .as("1.5 % of 699.00, rounded half-even")
        .isEqualByComparingTo("10.48");
  }
}
