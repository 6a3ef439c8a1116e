package com.example.fulfillment.providers;

import java.math.BigDecimal;

/**
 * The payment provider's HTTP API, as the adapter speaks it and the app's sandbox serves it: POST
 * {@code <base>/charges}, {@code /captures}, {@code /refunds}, {@code /voids}, each with header
 * {@code Idempotency-Key: <orderId>:<step>} ({@code charge}, {@code capture}, {@code refund},
 * {@code void}). A decline is an answer (200, {@code result = DECLINED}), not an error.
 */
public final class PaymentApi {

  public static final String CHARGES = "charges";
  public static final String CAPTURES = "captures";
  public static final String REFUNDS = "refunds";
  public static final String VOIDS = "voids";

  public static final String CHARGE = "charge";
  public static final String CAPTURE = "capture";
  public static final String REFUND = "refund";
  public static final String VOID = "void";

  private PaymentApi() {}

  public record ChargeRequest(
      String orderId, String paymentToken, BigDecimal amount, String currency) {}

  /** {@code result}: {@code CHARGED}, {@code PENDING_CONFIRMATION} or {@code DECLINED}. */
  public record ChargeAnswer(String result, String chargeId, String declineReason) {}

  /** A capture, refund or void on a charge of the order. */
  public interface OperationRequest {
    String orderId();

    String chargeId();
  }

  /** A capture or a refund of {@code amount} on a charge. */
  public record MoneyRequest(String orderId, String chargeId, BigDecimal amount)
      implements OperationRequest {}

  public record VoidRequest(String orderId, String chargeId) implements OperationRequest {}

  /** {@code result}: {@code CAPTURED}, {@code REFUNDED} or {@code VOIDED}. */
  public record OperationAnswer(String result) {}
}
