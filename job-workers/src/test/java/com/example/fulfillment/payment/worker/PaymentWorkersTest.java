package com.example.fulfillment.payment.worker;

import static com.example.fulfillment.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.payment.sandbox.SandboxPaymentProvider;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.PaymentStatuses;
import com.example.fulfillment.support.Concurrently;
import com.example.fulfillment.support.FixtureTest;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.junit.jupiter.api.Test;

class PaymentWorkersTest extends FixtureTest {

  final PaymentWorkers workers = new PaymentWorkers(f.payments, f.jobs);

  PaymentWorkers.ChargeOutput charge(final Order order, final int retries) {
    return workers.chargePayment(
        job(JobTypes.CHARGE_PAYMENT, order.orderId(), retries),
        new PaymentWorkers.ChargeInput(order.orderId(), order.total(), order.currency()));
  }

  @Test
  void tokOkIsChargedOnceForRepeatedAndConcurrentJobs() {
    final Order order = f.place(SandboxPaymentProvider.TOK_OK, "SKU-2:2");

    final var first = charge(order, 3);
    final List<PaymentWorkers.ChargeOutput> concurrent =
        Concurrently.run(10, i -> charge(order, 3));

    assertThat(first.paymentStatus()).isEqualTo(PaymentStatuses.CHARGED);
    assertThat(first.chargeId()).startsWith("ch_");
    assertThat(new HashSet<>(concurrent)).containsExactly(first);
    assertThat(f.count("payment", order.orderId())).isEqualTo(1);
    assertThat(f.count("sandbox_payment_operation", order.orderId())).isEqualTo(1);
  }

  @Test
  void tokConfirmIsPendingThenCaptured() {
    final Order order = f.place(SandboxPaymentProvider.TOK_CONFIRM, "SKU-2:1");

    assertThat(charge(order, 3).paymentStatus()).isEqualTo(PaymentStatuses.PENDING_CONFIRMATION);
    final var captured =
        workers.capturePayment(job(JobTypes.CAPTURE_PAYMENT, order.orderId(), 3), order.orderId());
    assertThat(captured).isEqualTo(new PaymentWorkers.CaptureOutput(PaymentStatuses.CHARGED));
    assertThat(
            workers.capturePayment(
                job(JobTypes.CAPTURE_PAYMENT, order.orderId(), 3), order.orderId()))
        .isEqualTo(captured);
    assertThat(f.payments.find(order.orderId()).orElseThrow().capturedAmount())
        .isEqualByComparingTo("9.50");
  }

  @Test
  void tokDeclinedIsABpmnErrorWithTheReason() {
    final Order order = f.place(SandboxPaymentProvider.TOK_DECLINED, "SKU-2:1");

    final BpmnError error = catchThrowableOfType(BpmnError.class, () -> charge(order, 3));

    assertThat(error.getErrorCode()).isEqualTo(Errors.PAYMENT_DECLINED);
    assertThat(error.getErrorMessage()).isEqualTo("card declined: insufficient funds");
    assertThat(catchThrowableOfType(BpmnError.class, () -> charge(order, 3)).getErrorMessage())
        .isEqualTo(error.getErrorMessage());
  }

  @Test
  void tokFlakyFailsTwiceWithBackoffThenCharges() {
    final Order order = f.place(SandboxPaymentProvider.TOK_FLAKY, "SKU-2:1");

    final JobError first = catchThrowableOfType(JobError.class, () -> charge(order, 3));
    final JobError second = catchThrowableOfType(JobError.class, () -> charge(order, 2));
    final var third = charge(order, 1);

    assertThat(first.getRetries()).isEqualTo(2);
    assertThat(first.getRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(second.getRetries()).isEqualTo(1);
    assertThat(second.getRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(third.paymentStatus()).isEqualTo(PaymentStatuses.CHARGED);
    assertThat(f.provider.attempts(order.orderId(), "charge")).isEqualTo(3);
  }

  @Test
  void tokOutageEndsInAnIncidentAndSucceedsAfterTheOperatorRetries() {
    final Order order = f.place(SandboxPaymentProvider.TOK_OUTAGE, "SKU-2:1");

    catchThrowableOfType(JobError.class, () -> charge(order, 3));
    catchThrowableOfType(JobError.class, () -> charge(order, 2));
    final JobError last = catchThrowableOfType(JobError.class, () -> charge(order, 1));
    assertThat(last.getRetries()).as("no retries left: incident").isZero();
    assertThat(ExceptionUtils.getStackTrace(last))
        .startsWith(
            "charge-payment failed, no retries left: PaymentProviderUnavailableException:"
                + " payment provider unavailable (sandbox: charge attempt 3");
    assertThat(f.payments.find(order.orderId())).isEmpty();

    // the operator resolves the incident, giving the job 1 retry: the 4th attempt succeeds
    assertThat(charge(order, 1).paymentStatus()).isEqualTo(PaymentStatuses.CHARGED);
  }

  @Test
  void refundPaymentRefundsOnceForRepeatedAndConcurrentJobs() {
    final Order order = f.place(SandboxPaymentProvider.TOK_OK, "SKU-4:1");
    charge(order, 3);

    final List<PaymentWorkers.RefundOutput> outputs =
        Concurrently.run(
            10,
            i ->
                workers.refundPayment(
                    job(JobTypes.REFUND_PAYMENT, order.orderId(), 3), order.orderId()));

    assertThat(new HashSet<>(outputs))
        .extracting(PaymentWorkers.RefundOutput::refundedAmount)
        .singleElement()
        .satisfies(a -> assertThat(a).isEqualByComparingTo("39.90"));
    assertThat(f.payments.find(order.orderId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(f.providerOperations(order.orderId(), "REFUND")).isEqualTo(1);
  }

  @Test
  void refundWithNothingToRefundIsZero() {
    final Order order = f.place(SandboxPaymentProvider.TOK_OK, "SKU-4:1");
    assertThat(
            workers
                .refundPayment(job(JobTypes.REFUND_PAYMENT, order.orderId(), 3), order.orderId())
                .refundedAmount())
        .isEqualByComparingTo(BigDecimal.ZERO);
  }
}
