package com.example.fulfillment.app.process.model;

import static com.example.fulfillment.app.process.model.TestOrder.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A technical failure is not modeled: the worker fails the job, the engine retries it after the
 * backoff (3 retries, the engine's default), then raises an incident; an operator fixes the cause,
 * gives the job retries again and resolves the incident, and the order goes on.
 */
class TechnicalFailureTest extends OrderModelTest {

  private static final Duration BACKOFF = Duration.ofSeconds(30);

  @Test
  void failedJobIsRetriedThenRaisesAnIncidentAndResolvingItResumesTheOrder() {
    final TestOrder order = order();
    final long pi = driver.placeAndReserve(order);

    // three attempts: the engine's default of 3 retries, each failure counting one down
    final ActivatedJob first = jobs.activate(JobTypes.CHARGE_PAYMENT, pi);
    assertThat(first.getRetries()).isEqualTo(3);
    fail(first, 2);
    engine.waitForIdleState();
    assertThat(jobs.isActivatable(JobTypes.CHARGE_PAYMENT, pi))
        .as("not before the backoff")
        .isFalse();
    engine.increaseTime(BACKOFF);
    final ActivatedJob second = jobs.activate(JobTypes.CHARGE_PAYMENT, pi);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    fail(second, 1);
    engine.increaseTime(BACKOFF);
    fail(jobs.activate(JobTypes.CHARGE_PAYMENT, pi), 0);

    final Record<IncidentRecordValue> incident = records.awaitIncident(pi);
    assertThat(incident.getValue().getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
    assertThat(incident.getValue().getElementId()).isEqualTo("ChargePayment");
    assertThat(incident.getValue().getErrorMessage()).isEqualTo("payment provider unavailable");
    engine.increaseTime(BACKOFF);
    assertThat(jobs.isActivatable(JobTypes.CHARGE_PAYMENT, pi)).as("no retries left").isFalse();

    // the operator's fix: retries back, incident resolved
    engine.client().newUpdateRetriesCommand(first.getKey()).retries(1).send().join();
    engine.client().newResolveIncidentCommand(incident.getKey()).send().join();
    engine.waitForIdleState();
    assertThat(records.openIncidents(pi)).isEmpty();

    driver.chargeAndShip(pi, order);
    driver.deliverAndComplete(pi, order);
    assertThat(records.variable(pi, "outcome")).contains("\"COMPLETED\"");
    assertThat(records.completedElements(pi)).filteredOn("ChargePayment"::equals).hasSize(1);
    assertThat(records.activatedElements(pi)).doesNotContain("RejectOrder", "RefundPayment");
  }

  private void fail(final ActivatedJob job, final int retriesLeft) {
    engine
        .client()
        .newFailCommand(job.getKey())
        .retries(retriesLeft)
        .retryBackoff(BACKOFF)
        .errorMessage("payment provider unavailable")
        .send()
        .join();
  }
}
