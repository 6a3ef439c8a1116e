package com.example.fulfillment.app.process.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.testing.JobStubs;
import com.example.fulfillment.testing.ProcessEngineExtension;
import com.example.fulfillment.testing.ProcessRecords;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine behaviour the models are designed around, pinned on small fixtures
 * (app/src/test/resources/engine-findings/) so an engine upgrade that changes it shows up here. The
 * findings that the production model itself relies on (compensation thrown with activityRef from an
 * interrupting event subprocess, no compensation of terminated activities, inclusive gateway
 * default flow, DMN result variable) are covered by the order-fulfillment tests.
 */
class EngineFindingsTest {

  @RegisterExtension
  static final ProcessEngineExtension engine =
      new ProcessEngineExtension(List.of("classpath:engine-findings/*.bpmn"));

  private final JobStubs jobs = engine.jobs();
  private final ProcessRecords records = engine.records();

  /**
   * Why ReleaseLine is a multi-instance handler of ReserveStock instead of a handler attached to
   * ReserveLine inside the subprocess: the inner handler does run once per completed line (and not
   * for the line that failed), but it is activated in the scope of the compensation throw event, so
   * it sees the process variables only, not the line's local {@code lineNo}. (The fixture's throw
   * names the subprocess in activityRef although it has no compensation boundary of its own: the
   * engine accepts that and compensates inside it.)
   */
  @Test
  void handlerInsideAMultiInstanceSubprocessRunsPerCompletedLineWithoutTheLinesVariables() {
    final long pi =
        start("compensation-inside-multi-instance", Map.of("items", List.of("a", "b", "c")));
    for (int i = 0; i < 3; i++) {
      final ActivatedJob job = jobs.activate("exp-reserve", pi);
      final int lineNo = ((Number) job.getVariablesAsMap().get("lineNo")).intValue();
      if (lineNo == 2) {
        jobs.throwError(job, "INSUFFICIENT_STOCK", "none left");
      } else {
        jobs.complete(job, Map.of("reservation", Map.of("lineNo", lineNo, "reserved", true)));
      }
    }

    final List<Map<String, Object>> handlerInputs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      final ActivatedJob release = jobs.activate("exp-release", pi);
      handlerInputs.add(release.getVariablesAsMap());
      jobs.complete(release, Map.of());
    }
    records.awaitProcessCompleted(pi);
    engine.waitForIdleState();

    assertThat(jobs.isActivatable("exp-release", pi))
        .as("no handler for the failed line")
        .isFalse();
    assertThat(handlerInputs)
        .allSatisfy(
            in -> {
              assertThat(in.get("lineNo")).as("the line's local variable").isNull();
              assertThat(in).containsKey("reservations").doesNotContainKeys("item", "loopCounter");
            });
  }

  /**
   * Why the workers pass the rejection detail as an error variable: the error message is not a
   * variable at the catching event, error variables are (and only there, until mapped out).
   */
  @Test
  void errorVariablesAreLocalToTheCatchEventAndTheErrorMessageIsNone() {
    final long pi = start("error-variables", Map.of());
    final ActivatedJob job = jobs.activate("exp-work", pi);
    engine
        .client()
        .newThrowErrorCommand(job.getKey())
        .errorCode("SOME_ERROR")
        .errorMessage("the message")
        .variables(Map.of("detail", "the variable"))
        .send()
        .join();
    records.awaitProcessCompleted(pi);

    assertThat(records.variable(pi, "detailFromErrorVariable")).contains("\"the variable\"");
    assertThat(records.variable(pi, "detailFromErrorMessage")).contains("null");
    assertThat(records.variableNames(pi)).doesNotContain("detail");
  }

  private long start(final String processId, final Map<String, Object> variables) {
    return engine
        .client()
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
