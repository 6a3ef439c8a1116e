package com.example.fulfillment.providers;

import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.providers.PaymentApi.ChargeAnswer;
import com.example.fulfillment.providers.PaymentApi.ChargeRequest;
import com.example.fulfillment.providers.PaymentApi.MoneyRequest;
import com.example.fulfillment.providers.PaymentApi.OperationAnswer;
import com.example.fulfillment.providers.PaymentApi.VoidRequest;
import java.math.BigDecimal;

/** The payment port over HTTP ({@link PaymentApi}); a decline is the business answer. */
public record HttpPaymentProvider(ProviderClient client) implements PaymentProvider {

  @Override
  public ChargeOutcome charge(
      final String orderId,
      final String paymentToken,
      final BigDecimal amount,
      final String currency) {
    final ChargeAnswer answer =
        client.post(
            PaymentApi.CHARGES,
            orderId,
            PaymentApi.CHARGE,
            new ChargeRequest(orderId, paymentToken, amount, currency),
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
    client.post(
        PaymentApi.CAPTURES,
        orderId,
        PaymentApi.CAPTURE,
        new MoneyRequest(orderId, chargeId, amount),
        OperationAnswer.class);
  }

  @Override
  public void refund(final String orderId, final String chargeId, final BigDecimal amount) {
    client.post(
        PaymentApi.REFUNDS,
        orderId,
        PaymentApi.REFUND,
        new MoneyRequest(orderId, chargeId, amount),
        OperationAnswer.class);
  }

  @Override
  public void voidAuthorization(final String orderId, final String chargeId) {
    client.post(
        PaymentApi.VOIDS,
        orderId,
        PaymentApi.VOID,
        new VoidRequest(orderId, chargeId),
        OperationAnswer.class);
  }

  private static String required(final String chargeId, final String orderId) {
    if (chargeId == null || chargeId.isBlank()) {
      throw new IllegalStateException("payment provider answered no charge id for " + orderId);
    }
    return chargeId;
  }
}
