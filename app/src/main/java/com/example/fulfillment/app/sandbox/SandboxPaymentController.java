package com.example.fulfillment.app.sandbox;

import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.payment.PaymentProviderUnavailableException;
import com.example.fulfillment.payment.sandbox.SandboxPaymentProvider;
import com.example.fulfillment.providers.PaymentApi;
import com.example.fulfillment.providers.PaymentApi.ChargeAnswer;
import com.example.fulfillment.providers.PaymentApi.ChargeRequest;
import com.example.fulfillment.providers.PaymentApi.MoneyRequest;
import com.example.fulfillment.providers.PaymentApi.OperationAnswer;
import com.example.fulfillment.providers.PaymentApi.VoidRequest;
import com.example.fulfillment.providers.ProviderClient;
import com.example.fulfillment.providers.ProvidersConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's sandbox over HTTP ({@link PaymentApi}), served by the app itself: the
 * {@link SandboxPaymentProvider} with its books, behind the provider's API. Every request needs its
 * {@code Idempotency-Key} ({@code <orderId>:<step>}); token {@value #TOK_SLOW} charges and then
 * answers only after {@code fulfillment.sandbox.payment.slow-answer} (longer than the client's read
 * timeout) the first time: the "timeout after the provider charged" case.
 */
@RestController
@RequestMapping(ProvidersConfiguration.PAYMENT_SANDBOX)
@SandboxEnabled
record SandboxPaymentController(SandboxPaymentProvider sandbox, SandboxProperties properties) {

  static final String TOK_SLOW = SandboxPaymentProvider.TOK_SLOW;

  private static final Logger LOG = LoggerFactory.getLogger(SandboxPaymentController.class);

  @PostMapping("/" + PaymentApi.CHARGES)
  ChargeAnswer charge(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final ChargeRequest request) {
    SandboxKeys.require(key, request.orderId(), PaymentApi.CHARGE);
    final ChargeOutcome outcome =
        sandbox.charge(
            new PaymentProvider.Charge(
                request.orderId(), request.paymentToken(), request.amount(), request.currency()));
    if (TOK_SLOW.equals(request.paymentToken())
        && sandbox.attempts(request.orderId(), PaymentApi.CHARGE) == 1) {
      LOG.info(
          "Sandbox charged order {}; answers in {}",
          request.orderId(),
          properties.payment().slowAnswer());
      SandboxKeys.pause(properties.payment().slowAnswer());
    }
    return switch (outcome) {
      case ChargeOutcome.Charged c -> new ChargeAnswer("CHARGED", c.chargeId(), null);
      case ChargeOutcome.PendingConfirmation p ->
          new ChargeAnswer("PENDING_CONFIRMATION", p.chargeId(), null);
      case ChargeOutcome.Declined d -> new ChargeAnswer("DECLINED", null, d.reason());
    };
  }

  @PostMapping("/" + PaymentApi.CAPTURES)
  OperationAnswer capture(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final MoneyRequest request) {
    SandboxKeys.require(key, request.orderId(), PaymentApi.CAPTURE);
    sandbox.capture(request.orderId(), request.chargeId(), request.amount());
    return new OperationAnswer("CAPTURED");
  }

  @PostMapping("/" + PaymentApi.REFUNDS)
  OperationAnswer refund(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final MoneyRequest request) {
    SandboxKeys.require(key, request.orderId(), PaymentApi.REFUND);
    sandbox.refund(request.orderId(), request.chargeId(), request.amount());
    return new OperationAnswer("REFUNDED");
  }

  @PostMapping("/" + PaymentApi.VOIDS)
  OperationAnswer voidAuthorization(
      @RequestHeader(ProviderClient.IDEMPOTENCY_KEY) final String key,
      @RequestBody final VoidRequest request) {
    SandboxKeys.require(key, request.orderId(), PaymentApi.VOID);
    sandbox.voidAuthorization(request.orderId(), request.chargeId());
    return new OperationAnswer("VOIDED");
  }

  /** The simulated outage of tok_flaky and tok_outage: the provider's own 503. */
  @ExceptionHandler(PaymentProviderUnavailableException.class)
  ProblemDetail unavailable(final PaymentProviderUnavailableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  /** A request the provider refuses (unknown charge, more than captured, wrong key). */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail refused(final IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }
}
