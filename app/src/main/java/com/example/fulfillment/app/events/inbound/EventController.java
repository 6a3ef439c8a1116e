package com.example.fulfillment.app.events.inbound;

import com.example.fulfillment.app.web.ApiExamples;
import com.example.fulfillment.app.web.ApiJson;
import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CloudEvents webhook (HTTP protocol binding 1.0): structured mode ({@code
 * application/cloudevents+json}, the whole event in the body) and binary mode ({@code ce-*}
 * headers, the data as {@code application/json} body), both read by the CloudEvents SDK (its JSON
 * event format; cloudevents-spring's HTTP reader). Translation only: {@link EventIngress} does the
 * rest.
 */
@RestController
@RequestMapping(path = "/api/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "CloudEvents from payment providers and carriers")
class EventController {

  static final String CLOUDEVENTS_JSON = JsonFormat.CONTENT_TYPE;

  static final String BAD_SIGNATURE =
      "{\"type\": \"https://fulfillment.example.com/problems/unauthorized\", \"title\":"
          + " \"Unauthorized\", \"status\": 401, \"detail\": \"webhook-timestamp is more than 300 s"
          + " old (replay window).\", \"correlationId\": \"5b1f0c2e-…\"}";

  static final String REPLAYED =
      "{\"type\": \"https://fulfillment.example.com/problems/webhook-replayed\", \"title\":"
          + " \"Webhook message already delivered\", \"status\": 409, \"detail\": \"A message"
          + " with this webhook-id was accepted already; it has no second effect.\","
          + " \"webhookId\": \"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W\", \"correlationId\":"
          + " \"5b1f0c2e-…\"}";

  private final EventIngress ingress;
  private final ObjectMapper json;

  EventController(final EventIngress ingress, final ApiJson apiJson) {
    this.ingress = ingress;
    this.json = apiJson.mapper();
  }

  /** The answer to an accepted event. */
  record EventAccepted(String eventId, String orderId, String messageName, String result) {}

  @Operation(
      summary = "Receive a CloudEvent (payment confirmed/declined, shipment delivered)",
      description =
          "Types com.example.payment.confirmed, com.example.payment.declined (data.reason →"
              + " rejectionDetail) and com.example.shipment.delivered (data.deliveredAt). The order"
              + " is the subject (or data.orderId). Each event becomes a BPMN message with message"
              + " id = the event id: a duplicate has no second effect (result DUPLICATE). Structured"
              + " mode: Content-Type application/cloudevents+json. Binary mode: ce-specversion, ce-id,"
              + " ce-source, ce-type, ce-subject headers and the data as application/json.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(
                    mediaType = CLOUDEVENTS_JSON,
                    examples = {
                      @ExampleObject(
                          name = "payment confirmed",
                          value = ApiExamples.CLOUD_EVENT_PAYMENT_CONFIRMED),
                      @ExampleObject(
                          name = "payment declined",
                          value = ApiExamples.CLOUD_EVENT_PAYMENT_DECLINED),
                      @ExampleObject(
                          name = "shipment delivered",
                          value = ApiExamples.CLOUD_EVENT_DELIVERED)
                    }),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples =
                        @ExampleObject(
                            name = "binary mode data (with ce-* headers)",
                            value = "{\"reason\": \"3-D Secure check failed\"}"))
              }),
      responses = {
        @ApiResponse(
            responseCode = "202",
            content = @Content(examples = @ExampleObject(value = ApiExamples.EVENT_ACCEPTED)))
      })
  @ProblemResponse(status = 400, description = "Not a valid CloudEvent of a handled type")
  @ProblemResponse(status = 422, description = "The event names no known order")
  @ProblemResponse(
      status = 401,
      description = "Missing or bad webhook signature, timestamp outside the replay window",
      example = BAD_SIGNATURE)
  @ProblemResponse(
      status = 409,
      description = "This webhook-id was accepted before (replay): no second effect",
      example = REPLAYED)
  @ProblemResponse(status = 429, description = "Over the partner's rate limit (Retry-After)")
  // signed per Standard Webhooks instead of the API's credentials (WebhookSecurity)
  @SecurityRequirements
  @Parameter(
      in = ParameterIn.HEADER,
      name = StandardWebhooks.ID,
      required = true,
      description = "Message id (the same when the partner re-sends it)")
  @Parameter(
      in = ParameterIn.HEADER,
      name = StandardWebhooks.TIMESTAMP,
      required = true,
      description = "Unix seconds; at most fulfillment.security.webhook.tolerance from now")
  @Parameter(
      in = ParameterIn.HEADER,
      name = StandardWebhooks.SIGNATURE,
      required = true,
      description =
          "v1,<base64 HMAC-SHA256 of id.timestamp.body> with the shared secret (Standard"
              + " Webhooks); several space-separated")
  @ProblemResponses.UnsupportedMediaType(description = "Neither cloudevents+json nor json")
  @ProblemResponses.EngineUnavailable
  @PostMapping(consumes = {CLOUDEVENTS_JSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<EventAccepted> receive(
      @RequestHeader final HttpHeaders headers, @RequestBody(required = false) final byte[] body) {
    final MediaType contentType = headers.getContentType();
    final IncomingEvent event =
        contentType != null && contentType.isCompatibleWith(MediaType.valueOf(CLOUDEVENTS_JSON))
            ? IncomingCloudEvents.structured(body)
            : binary(headers, body);
    final EventIngress.Acceptance acceptance = ingress.accept(event);
    return ResponseEntity.accepted()
        .body(
            new EventAccepted(
                acceptance.eventId(),
                acceptance.orderId(),
                acceptance.messageName(),
                acceptance.result().name()));
  }

  private IncomingEvent binary(final HttpHeaders headers, final byte[] body) {
    if (headers.getFirst("ce-specversion") == null) {
      throw IncomingCloudEvents.invalid(
          "ce-specversion",
          "binary mode needs the ce-* headers; for the whole event in the body use Content-Type "
              + CLOUDEVENTS_JSON);
    }
    // the request's own traceparent header is the trace context here (HTTP tracing)
    return IncomingCloudEvents.binary(
        json, () -> CloudEventHttpUtils.toReader(headers, () -> body), false);
  }
}
