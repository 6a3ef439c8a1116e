package com.example.fulfillment.app.models;

import com.example.fulfillment.app.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed versions of each process and the instances each one holds (orders:read, like the
 * orders). Embedded mode: from the engine's records (every deployment, whoever made it). Remote
 * mode: the versions this app deployed in the engine's current epoch; instances are not visible
 * (Operate shows them).
 */
@RestController
@RequestMapping(path = "/api/processes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Processes", description = "Deployed process versions")
@ProblemResponses.Unauthorized
class ProcessListController {

  /** Where the versions come from. */
  enum Basis {
    /** The embedded engine's own records: every deployment, active instances per version. */
    ENGINE_RECORDS,
    /** Remote mode: what this app deployed (start-up and admin API); no instance counts. */
    APP_DEPLOYMENTS
  }

  /** One version; {@code activeInstances} is null where instances are not visible. */
  record Version(
      int version,
      String versionTag,
      long processDefinitionKey,
      String resourceName,
      Instant deployedAt,
      Integer activeInstances) {}

  /** A process with its versions, oldest first. */
  record ProcessEntry(String bpmnProcessId, int latestVersion, List<Version> versions) {}

  record ProcessList(Basis basis, List<ProcessEntry> processes) {}

  static final String EXAMPLE =
      """
      {"basis": "ENGINE_RECORDS", "processes": [
        {"bpmnProcessId": "order-fulfillment", "latestVersion": 2, "versions": [
          {"version": 1, "versionTag": "2", "processDefinitionKey": 2251799813685252,
           "resourceName": "order-fulfillment.bpmn", "deployedAt": "2026-11-23T10:00:00Z",
           "activeInstances": 2},
          {"version": 2, "versionTag": "3", "processDefinitionKey": 2251799813685421,
           "resourceName": "order-fulfillment.bpmn", "deployedAt": "2026-11-23T10:15:00Z",
           "activeInstances": 5}]}]}
      """;

  private final ProcessVersions versions;
  private final ProcessDeployments deployments;

  ProcessListController(final ProcessVersions versions, final ProcessDeployments deployments) {
    this.versions = versions;
    this.deployments = deployments;
  }

  @Operation(
      summary = "List the deployed process versions",
      description =
          "Per process id its versions with the instances active on each, and the latest version"
              + " (new orders start there). basis ENGINE_RECORDS (embedded engine): every"
              + " deployment, whoever made it. APP_DEPLOYMENTS (remote engine): only what this app"
              + " deployed since the engine last lost its state, activeInstances null (see"
              + " Operate).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = EXAMPLE)))
      })
  @GetMapping
  ProcessList list() {
    final boolean embedded = versions.seesInstances();
    final List<ProcessVersions.Definition> definitions =
        embedded ? versions.definitions() : deployments.inCurrentEpoch();
    final Map<Long, Integer> active = embedded ? versions.activeInstanceCounts() : Map.of();
    final Map<String, List<Version>> byProcess = new LinkedHashMap<>();
    for (ProcessVersions.Definition d : definitions) {
      byProcess
          .computeIfAbsent(d.bpmnProcessId(), id -> new ArrayList<>())
          .add(
              new Version(
                  d.version(),
                  d.versionTag(),
                  d.processDefinitionKey(),
                  d.resourceName(),
                  d.deployedAt(),
                  embedded ? active.getOrDefault(d.processDefinitionKey(), 0) : null));
    }
    final List<ProcessEntry> processes =
        byProcess.entrySet().stream()
            .map(
                e ->
                    new ProcessEntry(
                        e.getKey(),
                        e.getValue().stream().mapToInt(Version::version).max().orElse(0),
                        e.getValue()))
            .toList();
    return new ProcessList(embedded ? Basis.ENGINE_RECORDS : Basis.APP_DEPLOYMENTS, processes);
  }
}
