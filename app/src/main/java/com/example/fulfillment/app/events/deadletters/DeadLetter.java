package com.example.fulfillment.app.events.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A message in the dead-letter queue, as an operator needs to see it.
 *
 * @param id what to re-drive it by
 * @param eventId the CloudEvent id, if the message was readable
 * @param category {@code invalid-event}, {@code unknown-order}, {@code retries-exhausted} (or
 *     {@code rejected} for a message the broker dead-lettered itself)
 * @param attempts how often the app tried it
 * @param body the message body as text (cut at 4 KB)
 */
@Schema(description = "A dead-lettered inbound message")
public record DeadLetter(
    @Schema(example = "3f1c2b9e-8d7a-4c55-9a39-0d4b8f6e2a71") String id,
    @Schema(example = "evt-0001", nullable = true) String eventId,
    @Schema(example = "com.example.payment.confirmed", nullable = true) String eventType,
    @Schema(example = "ord_5e18", nullable = true) String subject,
    @Schema(example = "retries-exhausted") String category,
    @Schema(example = "EngineUnavailableException: publishing PaymentConfirmed failed: UNAVAILABLE")
        String reason,
    @Schema(example = "8") int attempts,
    @Schema(nullable = true) Instant deadLetteredAt,
    @Schema(example = "com.example.payment.confirmed", nullable = true) String originalRoutingKey,
    @Schema(example = "0") int redriveCount,
    @Schema(example = "application/cloudevents+json", nullable = true) String contentType,
    String body) {}
