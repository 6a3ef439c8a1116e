package com.example.fulfillment.app.sandbox;

import com.example.fulfillment.app.events.EventTypes;
import com.example.fulfillment.app.events.inbound.EventIngress;
import com.example.fulfillment.app.events.inbound.IncomingEvent;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated payment provider's confirmation (the monitor page's Confirm payment button): the
 * provider's {@value EventTypes#PAYMENT_CONFIRMED} event, through the same {@link EventIngress} as
 * the signed webhook. An operator control (admin), not the partner webhook: the page holds an API
 * key, never a webhook secret. The event id is derived from the order, so a second click has no
 * second effect.
 */
@RestController
@Hidden // a sandbox control, not part of the API partners use
class SandboxConfirmationController {

  static final String SOURCE = "urn:fulfillment:sandbox-psp";

  private final EventIngress ingress;
  private final Clock clock;

  SandboxConfirmationController(final EventIngress ingress, final Clock clock) {
    this.ingress = ingress;
    this.clock = clock;
  }

  @PostMapping("/api/admin/sandbox/orders/{orderId}/payment-confirmation")
  ResponseEntity<EventIngress.Acceptance> confirm(@PathVariable final String orderId) {
    return ResponseEntity.accepted()
        .body(
            ingress.accept(
                new IncomingEvent(
                    "1.0",
                    "sandbox-payment-confirmed-" + orderId,
                    SOURCE,
                    EventTypes.PAYMENT_CONFIRMED,
                    orderId,
                    "application/json",
                    clock.instant().toString(),
                    Map.of())));
  }
}
