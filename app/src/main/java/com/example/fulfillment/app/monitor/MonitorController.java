package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.order.OrderView;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.web.ProblemResponses;
import com.example.fulfillment.app.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the monitor page ({@code /monitor/}): models, live counts, an order's instances. */
@RestController
@RequestMapping(path = "/api/monitor", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Monitor",
    description =
        "What the built-in monitor page (/monitor/) shows: deployed"
            + " models, live counts per BPMN element, an order's process instances")
record MonitorController(
    MonitorModels deployed,
    MonitorData data,
    OrderView orders,
    ObjectProvider<EngineInstances> instances,
    MonitorProperties properties) {

  static final URI MODEL_NOT_FOUND =
      URI.create("https://fulfillment.example.com/problems/model-not-found");

  /**
   * @param basis ENGINE_RECORDS (embedded) or WORKER_EVENTS (remote)
   * @param operateUrl where Operate is, if configured ({@code fulfillment.monitor.operate-url})
   */
  record Models(
      String basis, @Schema(nullable = true) String operateUrl, List<MonitorModels.Model> models) {}

  @Operation(summary = "The deployed BPMN processes")
  @GetMapping("/models")
  Models models() {
    final String operateUrl = properties.operateUrl();
    return new Models(data.basis(), operateUrl.isBlank() ? null : operateUrl, deployed.models());
  }

  @Operation(
      summary = "A process's BPMN XML (the file the app deploys)",
      responses = {
        @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml")),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON))
      })
  @GetMapping(
      path = "/models/{processId}/xml",
      produces = {MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> xml(
      @Parameter(example = "order-fulfillment") @PathVariable final String processId) {
    return deployed
        .xml(processId)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElseThrow(() -> new ModelNotFoundException(processId));
  }

  @Operation(
      summary =
          "Live counts: orders per status, instances and element counts per process, open incidents",
      description =
          "Computed from the timeline table at most once a second and only after it changed."
              + " Poll with If-None-Match (the ETag of the last answer): 304 while nothing changed."
              + " Embedded mode (basis ENGINE_RECORDS): every element, exact. Remote mode"
              + " (WORKER_EVENTS): only jobs the workers handled (completed, BPMN error, being"
              + " retried, given up = inferred incident); wait states and instance counts are not"
              + " visible (Operate shows them).",
      responses = {
        @ApiResponse(responseCode = "200", headers = @Header(name = "ETag")),
        @ApiResponse(responseCode = "304", description = "Nothing changed since the ETag sent")
      })
  @GetMapping("/stats")
  ResponseEntity<MonitorSnapshot> stats(
      @Parameter(description = "ETag of the last answer")
          @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
          final String ifNoneMatch) {
    final MonitorData.Tagged tagged = data.snapshot();
    if (tagged.etag().equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tagged.etag()).build();
    }
    return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.snapshot());
  }

  /**
   * One process instance of the order.
   *
   * @param variables name → JSON value (root scope, latest; embedded mode only)
   * @param takenFlows ids of the sequence flows taken (embedded mode only)
   */
  record InstanceView(
      long processInstanceKey,
      String bpmnProcessId,
      Map<String, String> variables,
      List<String> takenFlows) {}

  /**
   * @param basis ENGINE_RECORDS (variables and taken flows from the embedded engine) or
   *     WORKER_EVENTS (remote: instance keys only)
   */
  record OrderInstances(String orderId, String basis, List<InstanceView> instances) {}

  @Operation(
      summary = "The order's process instances with their variables and taken sequence flows",
      description =
          "Embedded mode: from the engine's records (in memory, the engine's current lifetime;"
              + " the root scope's variables with their latest JSON value, values cut at 2,000"
              + " characters). Remote mode: the instance keys the workers saw, nothing else.",
      responses = {
        @ApiResponse(responseCode = "200"),
        @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON))
      })
  @GetMapping("/orders/{orderId}/instances")
  OrderInstances instances(@PathVariable final String orderId) {
    final List<TimelineEntry> timeline = orders.timeline(orderId);
    final String run = data.engineRun().orElse(null);
    final Map<Long, String> keys = new LinkedHashMap<>();
    for (TimelineEntry e : timeline) {
      final boolean mine =
          run == null
              ? e.source() == TimelineEntry.Source.WORKER
              : e.source() == TimelineEntry.Source.ENGINE && Objects.equals(run, e.engineRun());
      final TimelineEntry.Element at = e.element();
      if (mine && at.processInstanceKey() != null && at.bpmnProcessId() != null) {
        keys.putIfAbsent(at.processInstanceKey(), at.bpmnProcessId());
      }
    }
    final EngineInstances engine = instances.getIfAvailable();
    final List<InstanceView> views = new ArrayList<>();
    keys.forEach(
        (key, processId) -> {
          final var found = engine == null ? null : engine.find(key).orElse(null);
          views.add(
              found == null
                  ? new InstanceView(key, processId, Map.of(), List.of())
                  : new InstanceView(key, processId, found.variables(), found.takenFlows()));
        });
    return new OrderInstances(orderId, data.basis(), views);
  }

  static class ModelNotFoundException extends RuntimeException {
    ModelNotFoundException(final String processId) {
      super("No deployed process " + processId);
    }
  }

  @ExceptionHandler(ModelNotFoundException.class)
  ResponseEntity<ProblemDetail> modelNotFound(final ModelNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.of(
                HttpStatus.NOT_FOUND, MODEL_NOT_FOUND, "Process not found", e.getMessage()));
  }
}
