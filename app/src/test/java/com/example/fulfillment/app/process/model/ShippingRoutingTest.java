package com.example.fulfillment.app.process.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Messages;
import com.example.fulfillment.process.ProcessConstants.Processes;
import com.example.fulfillment.testing.JobStubs;
import com.example.fulfillment.testing.ProcessEngineExtension;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipping process on its own: the DMN picks the method, the gateway routes on it. */
class ShippingRoutingTest {

  @RegisterExtension static final ProcessEngineExtension engine = new ProcessEngineExtension();

  private final JobStubs jobs = engine.jobs();
  private final ProcessRecords records = engine.records();

  @ParameterizedTest(name = "{0}, {1} kg, express={2}, total={3} -> {4} via {5}")
  @CsvSource({
    "DE, 1,  true,  80,   DRONE,    AssignDrone",
    "DE, 3,  true,  80,   EXPRESS,  AssignCarrier",
    "DE, 3,  false, 1500, EXPRESS,  AssignCarrier",
    "FR, 3,  false, 80,   STANDARD, AssignCarrier",
    "DE, 45, true,  80,   FREIGHT,  AssignCarrier",
  })
  void shipmentIsRoutedByTheDecidedMethod(
      final String country,
      final double weightKg,
      final boolean express,
      final double total,
      final String method,
      final String assignment) {
    final String orderId = "ord_" + UUID.randomUUID();
    final long pi =
        engine
            .client()
            .newCreateInstanceCommand()
            .bpmnProcessId(Processes.SHIPPING)
            .latestVersion()
            .variables(
                Map.of(
                    "orderId", orderId,
                    "shipmentId", "shp-1",
                    "shippingCountry", country,
                    "totalWeightKg", weightKg,
                    "express", express,
                    "total", total))
            .send()
            .join()
            .getProcessInstanceKey();

    final String assignmentJob =
        assignment.equals("AssignDrone") ? JobTypes.ASSIGN_DRONE : JobTypes.ASSIGN_CARRIER;
    final ActivatedJob assign = jobs.complete(assignmentJob, pi, Map.of("carrier", "c-" + method));
    assertThat(assign.getVariablesAsMap())
        .contains(
            entry("orderId", orderId),
            entry("shipmentId", "shp-1"),
            entry("shippingMethod", method));
    final ActivatedJob schedule =
        jobs.complete(JobTypes.SCHEDULE_DELIVERY, pi, Map.of("estimatedDelivery", "2026-12-01"));
    assertThat(schedule.getVariablesAsMap()).contains(entry("carrier", "c-" + method));
    records.awaitActivated(pi, "AwaitDelivery");
    engine
        .client()
        .newPublishMessageCommand()
        .messageName(Messages.SHIPMENT_DELIVERED)
        .correlationKey(orderId)
        .send()
        .join();
    records.awaitProcessCompleted(pi);

    assertThat(records.variable(pi, "shippingMethod")).contains("\"" + method + "\"");
    assertThat(records.completedElements(pi))
        .containsExactly(
            "ShippingStarted",
            "DetermineShippingMethod",
            "MethodGateway",
            assignment,
            "MethodJoin",
            "ScheduleDelivery",
            "AwaitDelivery",
            "Delivered");
    // no deliveredAt in the message: the time of correlation
    assertThat(records.variable(pi, "deliveredAt"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("\"20"));
  }
}
