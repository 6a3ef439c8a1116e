package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Repair of a stuck order's process instance (full-access key). Translation only. */
@RestController
@Tag(name = "Admin: process instances")
@ProblemResponses.Unauthorized
@ProblemResponses.Forbidden
@ProblemResponses.EngineUnavailable
record ModificationController(InstanceModification modification) {

  @Operation(
      summary = "Move an order's token (process instance modification)",
      description =
          "Terminates the active instances of the elements in terminate and activates the"
              + " elements in activate (their variables are set in the instance's global scope),"
              + " in one engine command. Checked first: the order's instance must be active (409),"
              + " each element to terminate active in it and each to activate in the version it"
              + " runs on (400). The engine may still refuse (422, with its reason). Recorded on"
              + " the order's timeline (PROCESS_MODIFIED). Compensation follows the model: e.g."
              + " activating RejectMergeCharge after terminating ChargePayment releases the"
              + " reserved stock and refunds nothing, since no charge completed.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Done: what was terminated and activated",
            content = @Content(examples = @ExampleObject(value = InstanceExamples.MODIFIED)))
      })
  @ProblemResponse(
      status = 400,
      description = "An element is not active, or not in the instance's version")
  @ProblemResponse(status = 404, description = "No such order")
  @ProblemResponse(status = 409, description = "The order's process instance is not active")
  @ProblemResponse(
      status = 422,
      description = "The engine refused the modification (its reason)",
      example = InstanceExamples.PROBLEM_MODIFICATION_REFUSED)
  @PostMapping(
      path = "/api/admin/orders/{orderId}/modification",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  InstanceModification.Modified modify(
      @Parameter(example = "ord_3f1c6a2e") @PathVariable final String orderId,
      @RequestBody final InstanceModification.Request request) {
    return modification.modify(orderId, request);
  }
}
