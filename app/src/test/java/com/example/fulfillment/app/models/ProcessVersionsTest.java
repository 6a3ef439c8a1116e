package com.example.fulfillment.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ImmutableProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of {@link ProcessVersions} on the engine's records: versions from deployments,
 * instances active until their process element ends, active elements followed through a migration.
 * (The deployment and migration tests check the same against the engine.)
 */
class ProcessVersionsTest {

  private static final long V1 = 100;
  private static final long V2 = 200;
  private static final long INSTANCE = 1_000;

  private final ProcessVersions versions = new ProcessVersions(true);

  @Test
  void followsVersionsInstancesAndTheirActiveElementsThroughAMigration() {
    versions.onRecords(List.of(deployed(V1, 1), deployed(V2, 2)));
    versions.onRecords(
        List.of(
            element(
                ProcessInstanceIntent.ELEMENT_ACTIVATED,
                INSTANCE,
                V1,
                1,
                "order-fulfillment",
                BpmnElementType.PROCESS),
            element(
                ProcessInstanceIntent.ELEMENT_ACTIVATED,
                1_001,
                V1,
                1,
                "ChargePayment",
                BpmnElementType.SERVICE_TASK),
            element(
                ProcessInstanceIntent.ELEMENT_COMPLETED,
                1_001,
                V1,
                1,
                "ChargePayment",
                BpmnElementType.SERVICE_TASK),
            element(
                ProcessInstanceIntent.ELEMENT_ACTIVATED,
                1_002,
                V1,
                1,
                "AwaitPaymentConfirmation",
                BpmnElementType.EVENT_BASED_GATEWAY)));

    assertThat(versions.latest("order-fulfillment"))
        .get()
        .extracting(d -> d.version())
        .isEqualTo(2);
    assertThat(versions.activeInstanceCounts()).containsExactly(java.util.Map.entry(V1, 1));
    assertThat(versions.activeInstance(INSTANCE).orElseThrow().elements())
        .extracting(ProcessVersions.ActiveElement::elementId)
        .containsExactly("AwaitPaymentConfirmation");

    versions.onRecords(
        List.of(
            element(
                ProcessInstanceIntent.ELEMENT_MIGRATED,
                INSTANCE,
                V2,
                2,
                "order-fulfillment",
                BpmnElementType.PROCESS),
            element(
                ProcessInstanceIntent.ELEMENT_MIGRATED,
                1_002,
                V2,
                2,
                "AwaitConfirmation",
                BpmnElementType.EVENT_BASED_GATEWAY)));

    final ProcessVersions.ActiveInstance migrated = versions.activeInstance(INSTANCE).orElseThrow();
    assertThat(migrated.version()).isEqualTo(2);
    assertThat(migrated.elements())
        .extracting(ProcessVersions.ActiveElement::elementId)
        .containsExactly("AwaitConfirmation");
    assertThat(versions.activeInstancesOf(V1)).isEmpty();
    assertThat(versions.activeInstancesOf(V2)).hasSize(1);

    versions.onRecords(
        List.of(
            element(
                ProcessInstanceIntent.ELEMENT_TERMINATED,
                INSTANCE,
                V2,
                2,
                "order-fulfillment",
                BpmnElementType.PROCESS)));
    assertThat(versions.activeInstance(INSTANCE)).isEmpty();
    assertThat(versions.activeInstanceCounts()).isEmpty();
  }

  private static Record<?> deployed(final long key, final int version) {
    return record(
        ValueType.PROCESS,
        ProcessIntent.CREATED,
        key,
        ImmutableProcess.builder()
            .withBpmnProcessId("order-fulfillment")
            .withVersion(version)
            .withVersionTag(String.valueOf(version))
            .withProcessDefinitionKey(key)
            .withResourceName("order-fulfillment.bpmn")
            .withResource(new byte[0])
            .withChecksum(new byte[0])
            .build());
  }

  private static Record<?> element(
      final ProcessInstanceIntent intent,
      final long key,
      final long definitionKey,
      final int version,
      final String elementId,
      final BpmnElementType type) {
    return record(
        ValueType.PROCESS_INSTANCE,
        intent,
        key,
        ImmutableProcessInstanceRecordValue.builder()
            .withBpmnProcessId("order-fulfillment")
            .withProcessInstanceKey(INSTANCE)
            .withProcessDefinitionKey(definitionKey)
            .withVersion(version)
            .withElementId(elementId)
            .withBpmnElementType(type)
            .build());
  }

  private static Record<?> record(
      final ValueType type,
      final Intent intent,
      final long key,
      final io.camunda.zeebe.protocol.record.RecordValue value) {
    return ImmutableRecord.builder()
        .withRecordType(RecordType.EVENT)
        .withValueType(type)
        .withIntent(intent)
        .withKey(key)
        .withTimestamp(1_700_000_000_000L)
        .withValue(value)
        .build();
  }
}
