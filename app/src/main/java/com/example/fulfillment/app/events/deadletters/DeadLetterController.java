package com.example.fulfillment.app.events.deadletters;

import com.example.fulfillment.app.web.ApiExamples;
import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.InvalidRequestException;
import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the inbound dead-letter queue: inspect, re-drive one, re-drive all. Needs the
 * full-access key (read-only credentials get 403, also for GET). Translation only: {@link
 * DeadLetters} does the work.
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Admin: dead letters",
    description = "Inbound events the app could not process (full-access key only)")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.BrokerUnavailable
class DeadLetterController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final DeadLetters deadLetters;

  DeadLetterController(final DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** The dead letters: where they are and the first {@code limit} of them. */
  record DeadLetterList(String transport, String queue, List<DeadLetter> deadLetters) {}

  /** What a re-drive did. */
  record Redriven(int redriven, String queue) {}

  @Operation(
      summary = "List dead-lettered inbound events",
      description =
          "Oldest first, with why each was dead-lettered (header x-dlq-reason) and how often it"
              + " was tried. Messages stay in the queue. With transport log there is no queue and"
              + " the list is empty.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = ApiExamples.DEAD_LETTER_LIST)))
      })
  @ProblemResponses.InvalidRequest(description = "limit not 1..500")
  @GetMapping
  DeadLetterList list(
      @Parameter(description = "1 to 500", example = "50")
          @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
          final String limit) {
    return new DeadLetterList(
        deadLetters.transport(), deadLetters.queue(), deadLetters.list(limit(limit)));
  }

  @Operation(
      summary = "Re-drive one dead letter",
      description =
          "Moves it back to the inbound queue as a new delivery (attempts start over); the"
              + " ingress deduplicates by event id, so re-driving an event that did arrive has no"
              + " second effect.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = ApiExamples.REDRIVEN)))
      })
  @ProblemResponse(
      status = 404,
      description = "No dead letter with this id",
      example = ApiExamples.PROBLEM_DEAD_LETTER_NOT_FOUND)
  @PostMapping("/{id}/redrive")
  Redriven redrive(
      @Parameter(example = "3f1c2b9e-8d7a-4c55-9a39-0d4b8f6e2a71") @PathVariable final String id) {
    if (!ID.matcher(id).matches() || !deadLetters.redrive(id)) {
      throw new DeadLetterNotFoundException(id);
    }
    return new Redriven(1, deadLetters.inboundQueue());
  }

  @Operation(
      summary = "Re-drive every dead letter",
      description =
          "Moves every message in the dead-letter queue now back to the inbound queue (one that"
              + " fails again comes back to the dead-letter queue, not into this run).",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(examples = @ExampleObject(value = ApiExamples.REDRIVEN)))
      })
  @PostMapping("/redrive")
  Redriven redriveAll() {
    return new Redriven(deadLetters.redriveAll(), deadLetters.inboundQueue());
  }

  private static int limit(final String value) {
    try {
      final int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        List.of(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
  }
}
