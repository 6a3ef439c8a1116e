package com.example.fulfillment.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.order.worker.OrderWorkers;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The workers' own metrics reach /actuator/prometheus, next to the starter's. */
@EmbeddedEngineTest
class WorkerMetricsTest {

  @Autowired MockMvc mvc;
  @Autowired OrderWorkers orderWorkers;

  @Test
  void workerMetricsAreExposedForPrometheus() throws Exception {
    final ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(1L);
    when(job.getType()).thenReturn(JobTypes.VALIDATE_ORDER);
    when(job.getRetries()).thenReturn(3);
    when(job.getVariablesAsMap()).thenReturn(Map.of("orderId", "ord_metrics-test"));
    catchThrowableOfType(
        BpmnError.class, () -> orderWorkers.validateOrder(job, "ord_metrics-test"));

    final String scrape =
        mvc.perform(get("/actuator/prometheus").header("X-API-Key", "local-read-key"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(scrape)
        .containsPattern(
            "fulfillment_worker_jobs_total\\{[^}]*outcome=\"bpmn_error\"[^}]*type=\"validate-order\"[^}]*} 1\\.0")
        .containsPattern(
            "fulfillment_worker_duration_seconds_count\\{[^}]*type=\"validate-order\"");
  }
}
