package com.example.fulfillment.payment.sandbox;

import static com.example.fulfillment.common.jdbc.Jdbc.ts;

import com.example.fulfillment.payment.ChargeOutcome;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.payment.PaymentProviderUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A simulated payment provider, driven by the order's payment token like a provider's sandbox
 * (docs/api.md, "Payment tokens"):
 *
 * <ul>
 *   <li>{@value #TOK_OK}: the charge succeeds;
 *   <li>{@value #TOK_DECLINED}: the charge is declined (a business outcome);
 *   <li>{@value #TOK_CONFIRM}: the charge is authorized, pending the customer's confirmation;
 *   <li>{@value #TOK_FLAKY}: the first 2 charge attempts fail technically, the 3rd succeeds;
 *   <li>{@value #TOK_OUTAGE}: the first 3 charge attempts fail technically (with 3 retries the job
 *       ends in an incident), the 4th succeeds;
 *   <li>{@value #TOK_SLOW}: charges like {@value #TOK_OK}; over HTTP the sandbox answers the first
 *       attempt only after the client gave up waiting (app, {@code SandboxPaymentController});
 *   <li>any other token: declined as unknown.
 * </ul>
 *
 * <p>It keeps its own books (tables {@code sandbox_payment_*}, standing in for the provider's
 * side): attempts are counted per (order, step) in a transaction of their own, so a failed attempt
 * stays counted, and every operation is recorded under (order, step), so repeating it returns the
 * first answer — the provider's idempotency key.
 */
public record SandboxPaymentProvider(
    JdbcClient jdbc, TransactionTemplate ownTransaction, Clock clock) implements PaymentProvider {

  public static final String TOK_OK = "tok_ok";
  public static final String TOK_DECLINED = "tok_declined";
  public static final String TOK_CONFIRM = "tok_confirm";
  public static final String TOK_FLAKY = "tok_flaky";
  public static final String TOK_OUTAGE = "tok_outage";
  public static final String TOK_SLOW = "tok_slow";

  static final int FLAKY_FAILURES = 2;
  static final int OUTAGE_FAILURES = 3;

  /** Operations, each with its own idempotency key per order. */
  enum Step {
    CHARGE,
    CAPTURE,
    REFUND,
    VOID
  }

  /** The sandbox keeping its books in transactions of its own (REQUIRES_NEW). */
  public SandboxPaymentProvider(
      final JdbcClient jdbc, final PlatformTransactionManager transactions, final Clock clock) {
    this(jdbc, requiresNew(transactions), clock);
  }

  private static TransactionTemplate requiresNew(final PlatformTransactionManager transactions) {
    final TransactionTemplate template = new TransactionTemplate(transactions);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }

  @Override
  public ChargeOutcome charge(final Charge request) {
    final String orderId = request.orderId();
    final int attempt = countAttempt(orderId, Step.CHARGE);
    final int failures =
        switch (request.paymentToken()) {
          case TOK_FLAKY -> FLAKY_FAILURES;
          case TOK_OUTAGE -> OUTAGE_FAILURES;
          default -> 0;
        };
    if (attempt <= failures) {
      throw new PaymentProviderUnavailableException(
          "payment provider unavailable (sandbox: charge attempt "
              + attempt
              + " of order "
              + orderId
              + " fails, token fails the first "
              + failures
              + ")");
    }
    final Operation op =
        record(
            orderId,
            Step.CHARGE,
            request.amount(),
            request.currency(),
            switch (request.paymentToken()) {
              case TOK_OK, TOK_FLAKY, TOK_OUTAGE, TOK_SLOW -> new Answer("CHARGED", null);
              case TOK_CONFIRM -> new Answer("PENDING_CONFIRMATION", null);
              case TOK_DECLINED -> new Answer("DECLINED", "card declined: insufficient funds");
              default -> new Answer("DECLINED", "unknown payment token");
            });
    return switch (op.result()) {
      case "CHARGED" -> new ChargeOutcome.Charged(op.providerRef());
      case "PENDING_CONFIRMATION" -> new ChargeOutcome.PendingConfirmation(op.providerRef());
      default -> new ChargeOutcome.Declined(op.declineReason());
    };
  }

  @Override
  public void capture(final String orderId, final String chargeId, final BigDecimal amount) {
    countAttempt(orderId, Step.CAPTURE);
    final Operation charge = charge(orderId, chargeId);
    if (!"PENDING_CONFIRMATION".equals(charge.result()) || amount.compareTo(charge.amount()) > 0) {
      throw new IllegalArgumentException(
          "sandbox refuses to capture "
              + amount
              + " of charge "
              + chargeId
              + " ("
              + charge.result()
              + ", "
              + charge.amount()
              + ")");
    }
    record(orderId, Step.CAPTURE, amount, charge.currency(), new Answer("CAPTURED", null));
  }

  @Override
  public void refund(final String orderId, final String chargeId, final BigDecimal amount) {
    countAttempt(orderId, Step.REFUND);
    final Operation charge = charge(orderId, chargeId);
    final BigDecimal captured =
        "CHARGED".equals(charge.result())
            ? charge.amount()
            : find(orderId, Step.CAPTURE).map(Operation::amount).orElse(BigDecimal.ZERO);
    if (amount.compareTo(captured) > 0) {
      throw new IllegalArgumentException(
          "sandbox refuses to refund "
              + amount
              + ": only "
              + captured
              + " captured on "
              + chargeId);
    }
    record(orderId, Step.REFUND, amount, charge.currency(), new Answer("REFUNDED", null));
  }

  @Override
  public void voidAuthorization(final String orderId, final String chargeId) {
    countAttempt(orderId, Step.VOID);
    final Operation charge = charge(orderId, chargeId);
    record(orderId, Step.VOID, BigDecimal.ZERO, charge.currency(), new Answer("VOIDED", null));
  }

  /** How many attempts of this step the sandbox has seen for the order, this one included. */
  public int attempts(final String orderId, final String step) {
    return jdbc.sql(
            "SELECT attempts FROM sandbox_payment_attempt WHERE order_id = :orderId AND step = :step")
        .param("orderId", orderId)
        .param("step", step.toUpperCase(Locale.ROOT))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  private int countAttempt(final String orderId, final Step step) {
    try {
      return incrementAttempts(orderId, step);
    } catch (DuplicateKeyException concurrentFirstAttempt) {
      return incrementAttempts(orderId, step); // the row exists now: this round updates it
    }
  }

  private int incrementAttempts(final String orderId, final Step step) {
    return ownTransaction.execute(
        status -> {
          final int updated =
              jdbc.sql(
                      """
                      UPDATE sandbox_payment_attempt SET attempts = attempts + 1
                       WHERE order_id = :orderId AND step = :step
                      """)
                  .param("orderId", orderId)
                  .param("step", step.name())
                  .update();
          if (updated == 0) {
            jdbc.sql(
                    """
                    INSERT INTO sandbox_payment_attempt (order_id, step, attempts)
                    VALUES (:orderId, :step, 1)
                    """)
                .param("orderId", orderId)
                .param("step", step.name())
                .update();
          }
          return attempts(orderId, step.name());
        });
  }

  private Operation charge(final String orderId, final String chargeId) {
    return find(orderId, Step.CHARGE)
        .filter(op -> op.providerRef().equals(chargeId))
        .orElseThrow(() -> new IllegalArgumentException("sandbox knows no charge " + chargeId));
  }

  private Operation record(
      final String orderId,
      final Step step,
      final BigDecimal amount,
      final String currency,
      final Answer answer) {
    final Optional<Operation> done = find(orderId, step);
    if (done.isPresent()) {
      return done.get();
    }
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      """
                      INSERT INTO sandbox_payment_operation (order_id, step, provider_ref, result,
                        amount, currency, decline_reason, created_at)
                      VALUES (:orderId, :step, :ref, :result, :amount, :currency, :reason, :now)
                      """)
                  .param("orderId", orderId)
                  .param("step", step.name())
                  .param("ref", prefix(step) + UUID.randomUUID().toString().replace("-", ""))
                  .param("result", answer.result())
                  .param("amount", amount)
                  .param("currency", currency)
                  .param("reason", answer.declineReason())
                  .param("now", ts(clock.instant()))
                  .update());
    } catch (DuplicateKeyException concurrentDuplicate) {
      // Another call with the same idempotency key won: its answer is the answer.
    }
    return find(orderId, step).orElseThrow();
  }

  private Optional<Operation> find(final String orderId, final Step step) {
    return jdbc.sql(
            "SELECT * FROM sandbox_payment_operation WHERE order_id = :orderId AND step = :step")
        .param("orderId", orderId)
        .param("step", step.name())
        .query(
            (rs, n) ->
                new Operation(
                    rs.getString("provider_ref"),
                    rs.getString("result"),
                    rs.getBigDecimal("amount"),
                    rs.getString("currency"),
                    rs.getString("decline_reason")))
        .optional();
  }

  private static String prefix(final Step step) {
    return switch (step) {
      case CHARGE -> "ch_";
      case CAPTURE -> "cp_";
      case REFUND -> "re_";
      case VOID -> "vd_";
    };
  }

  private record Answer(String result, String declineReason) {}

  private record Operation(
      String providerRef,
      String result,
      BigDecimal amount,
      String currency,
      String declineReason) {}
}
