package com.example.fulfillment.app.monitor;

import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.InvalidRequestException;
import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import com.example.fulfillment.app.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open incidents, and retrying one (new job retries + resolve), as an operator would in Operate.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Open incidents and their resolution")
class IncidentController {

  static final URI INCIDENT_NOT_FOUND =
      URI.create("https://fulfillment.example.com/problems/incident-not-found");
  static final URI RETRY_NOT_SUPPORTED =
      URI.create("https://fulfillment.example.com/problems/incident-retry-not-supported");

  private static final String RETRIED_EXAMPLE =
      """
      {"incidentKey": 2251799813685460, "jobKey": 2251799813685420, "retries": 1,
       "orderId": "ord_3f1c6a2e-4b7d-3c1a-9e2f-0a1b2c3d4e5f"}""";
  private static final String NOT_FOUND_EXAMPLE =
      """
      {"type": "https://fulfillment.example.com/problems/incident-not-found",
       "title": "Incident not found", "status": 404,
       "detail": "No open incident 2251799813685460: it is resolved already",
       "correlationId": "8c1d0c6e-2a8e-4f53-9d55-5b0b8a0c2f11"}""";

  private final MonitorData data;
  private final IncidentRetry retry;

  IncidentController(final MonitorData data, final IncidentRetry retry) {
    this.data = data;
    this.retry = retry;
  }

  /**
   * @param basis ENGINE_RECORDS (embedded: the engine's incidents) or WORKER_EVENTS (remote:
   *     inferred)
   */
  record Incidents(String basis, List<MonitorSnapshot.OpenIncident> incidents) {}

  @Operation(
      summary = "Open incidents, oldest first",
      description =
          "Embedded mode: the engine's incidents not resolved yet, with their key (retryable)."
              + " Remote mode: inferred from jobs whose last attempt failed with no retries left"
              + " (no incident key: resolve them in Operate). Refreshed at most once a second.")
  @GetMapping
  Incidents list() {
    final MonitorSnapshot snapshot = data.snapshot().snapshot();
    return new Incidents(snapshot.basis(), snapshot.incidents());
  }

  @Operation(
      summary = "Retry an incident: give its job retries and resolve it",
      description =
          "Sets the failed job's retries (default 1) and resolves the incident through the"
              + " Camunda client; the engine then hands the job out again. Full-access key only."
              + " Embedded mode only: in remote mode the app does not see the engine's incidents"
              + " (409; use Operate).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = RETRIED_EXAMPLE)))
      })
  @ProblemResponse(status = 404, description = "No such open incident", example = NOT_FOUND_EXAMPLE)
  @ProblemResponse(status = 409, description = "Remote mode: resolve it in Operate")
  @ProblemResponses.InvalidRequest(description = "Key not a number, retries not 1..10")
  @ProblemResponses.Unauthorized
  @ProblemResponses.Forbidden
  @ProblemResponses.EngineUnavailable(description = "Engine unreachable")
  @PostMapping("/{incidentKey}/retry")
  IncidentRetry.Retried retry(
      @Parameter(example = "2251799813685460") @PathVariable final String incidentKey,
      @Parameter(description = "the job's retries after the update, 1 to 10", example = "1")
          @RequestParam(defaultValue = "1")
          final String retries) {
    final long key = parse(incidentKey, "incidentKey", 1, Long.MAX_VALUE);
    final int n = (int) parse(retries, "retries", 1, 10);
    return retry.retry(key, n);
  }

  private static long parse(
      final String value, final String field, final long min, final long max) {
    try {
      final long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidRequestException(
        List.of(new FieldProblem(field, "must be a whole number from " + min + " to " + max)));
  }

  @ExceptionHandler(IncidentRetry.IncidentNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(final IncidentRetry.IncidentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, INCIDENT_NOT_FOUND, "Incident not found", e.getMessage());
  }

  @ExceptionHandler(IncidentRetry.RetryNotSupportedException.class)
  ResponseEntity<ProblemDetail> notSupported(final IncidentRetry.RetryNotSupportedException e) {
    return problem(
        HttpStatus.CONFLICT, RETRY_NOT_SUPPORTED, "Not in this engine mode", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(
      final HttpStatus status, final URI type, final String title, final String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, type, title, detail));
  }
}
