package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Process instance migration for operators (full-access key). Translation only. */
@RestController
@Tag(
    name = "Admin: process instances",
    description =
        "Migrate running instances to another model version, or move a stuck order's token"
            + " (full-access key only)")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.EngineUnavailable
record MigrationController(InstanceMigration migration) {

  /**
   * The request: {@code targetVersion} (a version of the same process) or {@code
   * targetProcessDefinitionKey} (any process); {@code processInstanceKeys} absent: every active
   * instance of the source (embedded mode only).
   */
  record MigrationRequest(
      Long processDefinitionKey,
      Integer targetVersion,
      Long targetProcessDefinitionKey,
      List<InstanceMigration.Mapping> mappings,
      List<Long> processInstanceKeys,
      Boolean dryRun) {}

  @Operation(
      summary = "Migrate process instances to another version",
      description =
          "Checks the plan against both models first: source and target deployed, every mapping"
              + " naming an element of each, mapped elements of the same BPMN type (400 or 404"
              + " otherwise, nothing migrated). Then per instance: a dry run says whether the"
              + " mappings cover its active elements (WOULD_MIGRATE, or REFUSED with the reason);"
              + " a real run asks the engine (MIGRATED, or REFUSED with the engine's reason"
              + " verbatim; FAILED if it did not answer). Each instance is one engine command, so a"
              + " refusal does not stop the others. Migrated orders get a PROCESS_MIGRATED entry"
              + " on their timeline. Without processInstanceKeys every active instance of the"
              + " source is taken (embedded mode; required in remote mode).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "What happened to each instance",
            content =
                @Content(examples = @ExampleObject(value = InstanceExamples.MIGRATION_REPORT)))
      })
  @ProblemResponse(
      status = 400,
      description = "The plan cannot work (or the body is malformed)",
      example = InstanceExamples.PROBLEM_INVALID_MIGRATION)
  @ProblemResponse(status = 404, description = "Source or target version not deployed")
  @PostMapping(
      path = "/api/admin/migrations",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  InstanceMigration.Report migrate(@RequestBody final MigrationRequest request) {
    return migration.migrate(
        new InstanceMigration.Plan(
            request.processDefinitionKey(),
            request.targetVersion(),
            request.targetProcessDefinitionKey(),
            request.mappings(),
            request.processInstanceKeys(),
            Boolean.TRUE.equals(request.dryRun())));
  }
}
