package com.example.fulfillment.app.process.model;

import static com.example.fulfillment.app.process.model.TestOrder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery SLA: a non-interrupting timer on the shipping call activity. */
class LateDeliveryTest extends OrderModelTest {

  @Test
  void lateDeliveryIsEscalatedWhileTheDeliveryGoesOn() {
    final TestOrder order = order().with(o -> o.deliverySla = "P2D");
    final long pi = inDelivery(order);
    final long shipping = records.awaitChildInstance(pi);

    assertThat(records.awaitTimerDueAfter(pi, "DeliverySlaExceeded")).isEqualTo(Duration.ofDays(2));
    engine.increaseTime(Duration.ofDays(2));

    final ActivatedJob escalate = jobs.activate(JobTypes.ESCALATE_LATE_DELIVERY, pi);
    assertThat(escalate.getVariablesAsMap())
        .contains(entry("orderId", order.orderId), entry("shipmentId", "shp-" + pi));
    jobs.complete(escalate, Map.of());
    records.awaitCompleted(pi, "LateDeliveryEscalated");

    // the delivery was not interrupted: the shipment still arrives and the order completes
    assertThat(records.terminatedElements(pi)).doesNotContain("DeliverShipment");
    assertThat(records.isTerminated(shipping)).isFalse();
    driver.deliverAndComplete(pi, order);
    assertThat(records.completedElements(pi))
        .containsSubsequence("DeliverySlaExceeded", "EscalateLateDelivery", "LateDeliveryEscalated")
        .containsSubsequence(
            "DeliverShipment", "CompleteOrder", "NotifyCustomer", "OrderFulfilled");
    assertThat(records.variable(pi, "outcome")).contains("\"COMPLETED\"");
  }

  @Test
  void deliveryInTimeEscalatesNothingAndTheSlaDefaultsToThreeDays() {
    final TestOrder order = order().with(o -> o.deliverySla = null);
    final long pi = inDelivery(order);

    assertThat(records.awaitTimerDueAfter(pi, "DeliverySlaExceeded")).isEqualTo(Duration.ofDays(3));
    driver.deliverAndComplete(pi, order);
    assertThat(records.activatedElements(pi))
        .doesNotContain("DeliverySlaExceeded", "EscalateLateDelivery");
  }

  private long inDelivery(final TestOrder order) {
    final long pi = driver.placeAndReserve(order);
    driver.chargeAndShip(pi, order);
    return pi;
  }
}
