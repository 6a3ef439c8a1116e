package com.example.fulfillment.inventory.worker;

import static com.example.fulfillment.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.process.ErrorVariables;
import com.example.fulfillment.process.ProcessConstants.Errors;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.support.Concurrently;
import com.example.fulfillment.support.FixtureTest;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockWorkersTest extends FixtureTest {

  final ReserveStockWorker reserve = new ReserveStockWorker(f.inventory, f.jobs);
  final ReleaseStockWorker release = new ReleaseStockWorker(f.inventory, f.jobs);

  /** A reserve-stock job (with a fresh key) for one line of the order. */
  ReserveStockWorker.Output reserve(
      final Order order, final Integer lineNo, final String sku, final int quantity) {
    return reserve.reserveStock(
        job(JobTypes.RESERVE_STOCK, order.orderId()),
        new ReserveStockWorker.Input(order.orderId(), lineNo, sku, quantity));
  }

  @Test
  void reserveStockOutputsTheReservationOnceForRepeatedAndConcurrentJobs() {
    final Order order = f.place("tok_ok", "SKU-3:2", "SKU-4:1");
    final int before = f.available("SKU-3");
    final var input = new ReserveStockWorker.Input(order.orderId(), 1, "SKU-3", 2);
    final ActivatedJob sameJob = job(JobTypes.RESERVE_STOCK, order.orderId());

    final var first = reserve.reserveStock(sameJob, input);
    final var redelivered = reserve.reserveStock(sameJob, input);
    final var otherKey = reserve.reserveStock(job(JobTypes.RESERVE_STOCK, order.orderId()), input);
    final List<ReserveStockWorker.Output> concurrent =
        Concurrently.run(
            10, i -> reserve.reserveStock(job(JobTypes.RESERVE_STOCK, order.orderId()), input));

    assertThat(first.reservation())
        .isEqualTo(new ReserveStockWorker.Reservation(1, "SKU-3", 2, true));
    assertThat(redelivered).isEqualTo(first).isEqualTo(otherKey);
    assertThat(new HashSet<>(concurrent)).containsExactly(first);
    assertThat(f.available("SKU-3")).isEqualTo(before - 2);
    assertThat(f.count("stock_reservation", order.orderId())).isEqualTo(1);
  }

  @Test
  void aLineThatCannotBeReservedIsABpmnErrorWithWhatIsAvailable() {
    final Order order = f.place("tok_ok", "SKU-OUT:2");

    final BpmnError error =
        catchThrowableOfType(BpmnError.class, () -> reserve(order, 1, "SKU-OUT", 2));

    assertThat(error.getErrorCode()).isEqualTo(Errors.INSUFFICIENT_STOCK);
    assertThat(error.getErrorMessage()).isEqualTo("SKU-OUT: 2 requested, 0 available");
    assertThat(error.getVariables())
        .isEqualTo(
            Map.of(
                Variables.LINE_NO,
                1,
                Variables.SKU,
                "SKU-OUT",
                Variables.QUANTITY,
                2,
                ErrorVariables.AVAILABLE,
                0));
    assertThat(f.jobs).isNotNull();
  }

  @Test
  void aJobWithoutLineNoFailsTechnically() {
    final Order order = f.place("tok_ok", "SKU-3:1");
    final JobError error =
        catchThrowableOfType(JobError.class, () -> reserve(order, null, "SKU-3", 1));
    assertThat(error.getMessage()).contains("job has no variable 'lineNo'");
    assertThat(f.count("stock_reservation", order.orderId())).isZero();
  }

  @Test
  void releaseStockIsSafeToRepeatAndWithoutAnythingToRelease() {
    final Order order = f.place("tok_ok", "SKU-5:1", "SKU-6:2");
    final int before5 = f.available("SKU-5");
    final int before6 = f.available("SKU-6");
    reserve(order, 1, "SKU-5", 1);
    reserve(order, 2, "SKU-6", 2);

    release.releaseStock(
        job(JobTypes.RELEASE_STOCK, order.orderId()),
        new ReleaseStockWorker.Input(order.orderId(), 2));
    Concurrently.run(
        10,
        i -> {
          release.releaseStock(
              job(JobTypes.RELEASE_STOCK, order.orderId()),
              new ReleaseStockWorker.Input(order.orderId(), null));
          return i;
        });
    release.releaseStock(
        job(JobTypes.RELEASE_STOCK, "ord_none"), new ReleaseStockWorker.Input("ord_none", null));

    assertThat(f.available("SKU-5")).isEqualTo(before5);
    assertThat(f.available("SKU-6")).isEqualTo(before6);
  }
}
