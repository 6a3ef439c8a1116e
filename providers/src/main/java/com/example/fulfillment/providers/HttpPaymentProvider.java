package com.example.fulfillment.providers;

import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.providers.PaymentApi.ChargeAnswer;
import com.example.fulfillment.providers.PaymentApi.ChargeRequest;
import com.example.fulfillment.providers.PaymentApi.MoneyRequest;
import com.example.fulfillment.providers.PaymentApi.OperationAnswer;
import com.example.fulfillment.providers.PaymentApi.OperationRequest;
import com.example.fulfillment.providers.PaymentApi.VoidRequest;
import java.math.BigDecimal;

/** The payment port over HTTP ({@link PaymentApi}); a decline is the business answer. */
public record HttpPaymentProvider(ProviderClient client) implements PaymentProvider {

  @Override
  public ChargeOutcome charge(final Charge charge) {
    final String orderId = charge.orderId();
    final ChargeAnswer answer =
        client.post(
            PaymentApi.CHARGES,
            orderId,
            PaymentApi.CHARGE,
            new ChargeRequest(orderId, charge.paymentToken(), charge.amount(), charge.currency()),
            ChargeAnswer.class);
    if (answer == null || answer.result() == null) {
      throw new IllegalStateException("payment provider answered no result to charge " + orderId);
    }
    return switch (answer.result()) {
      case "CHARGED" -> new ChargeOutcome.Charged(required(answer.chargeId(), orderId));
      case "PENDING_CONFIRMATION" ->
          new ChargeOutcome.PendingConfirmation(required(answer.chargeId(), orderId));
      case "DECLINED" -> new ChargeOutcome.Declined(answer.declineReason());
      default ->
          throw new IllegalStateException(
              "payment provider answered an unknown result " + answer.result());
    };
  }

  @Override
  public void capture(final String orderId, final String chargeId, final BigDecimal amount) {
    operate(PaymentApi.CAPTURES, PaymentApi.CAPTURE, new MoneyRequest(orderId, chargeId, amount));
  }

  @Override
  public void refund(final String orderId, final String chargeId, final BigDecimal amount) {
    operate(PaymentApi.REFUNDS, PaymentApi.REFUND, new MoneyRequest(orderId, chargeId, amount));
  }

  @Override
  public void voidAuthorization(final String orderId, final String chargeId) {
    operate(PaymentApi.VOIDS, PaymentApi.VOID, new VoidRequest(orderId, chargeId));
  }

  /** A capture, refund or void: its answer only confirms it, so it is not read. */
  private void operate(final String path, final String step, final OperationRequest request) {
    client.post(path, request.orderId(), step, request, OperationAnswer.class);
  }

  private static String required(final String chargeId, final String orderId) {
    if (chargeId == null || chargeId.isBlank()) {
      throw new IllegalStateException("payment provider answered no charge id for " + orderId);
    }
    return chargeId;
  }
}
