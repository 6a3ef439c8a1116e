package com.example.fulfillment.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.RunningApp;
import com.example.fulfillment.app.timeline.Timeline;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.app.timeline.WorkerTimelineListener;
import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import com.example.fulfillment.jobs.JobListener;
import com.example.fulfillment.process.ProcessConstants.Elements;
import com.example.fulfillment.testing.FreePort;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Remote mode across a restart of the engine, which begins empty and hands out the same job keys
 * again. The jobs of the engine's first lifetime are played through the workers' timeline listener
 * for the whole range of keys an order is given, so every job of an order placed after the restart
 * has a key that was recorded before: its jobs are on its timeline all the same, and the sandbox
 * carrier, which acts on the recorded {@code ScheduleDelivery}, delivers it. (Keyed by the job key
 * alone, these entries were taken for the old ones and dropped: such an order stayed SHIPPED.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EngineEpochTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** The first key of partition 1, where every lifetime of the engine starts counting. */
  private static final long FIRST_KEY = 1L << 51;

  private static final int KEYS_OF_THE_FIRST_LIFETIME = 2_000;

  @Test
  void jobsOfARestartedEngineAreRecordedAlthoughTheirKeysRepeat() {
    final int port = FreePort.onLoopback();
    DevEngine engine = DevEngineFactory.create(LOOPBACK, port);
    engine.start();
    try (RunningApp app =
        RunningApp.startRemote(
            port, Map.of("fulfillment.sandbox.carrier.delivery-delay", "PT0.2S"))) {
      final EngineEpochs epochs = app.bean(EngineEpochs.class);
      final String firstEpoch = epochs.current();
      final WorkerTimelineListener listener = app.bean(WorkerTimelineListener.class);
      for (long key = FIRST_KEY; key < FIRST_KEY + KEYS_OF_THE_FIRST_LIFETIME; key++) {
        listener.jobHandled(
            new JobListener.HandledJob(
                key,
                "any",
                "shipping",
                key,
                Elements.SCHEDULE_DELIVERY,
                key,
                3,
                "ord_first-lifetime",
                "completed",
                null,
                null));
      }

      engine.stop();
      await("readiness DOWN")
          .atMost(Duration.ofSeconds(15))
          .until(() -> app.get("/actuator/health/readiness").status() == 503);
      engine = DevEngineFactory.create(LOOPBACK, port);
      engine.start();
      // The restart may fall between two of the watch's probes: it learns of it from the
      // readiness probes above (EngineTopology counts every probe that found the engine down).
      await("the loss noticed: a new epoch")
          .atMost(Duration.ofSeconds(15))
          .until(() -> !epochs.current().equals(firstEpoch));
      await("the models deployed again")
          .atMost(Duration.ofSeconds(30))
          .until(() -> app.get("/actuator/health/readiness").status() == 200);

      final String orderId = app.placeAccepted("tok_ok", "SKU-1", 1);
      await("order " + orderId + " COMPLETED")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> app.get("/api/orders/" + orderId).json().path("status").asText(),
              "COMPLETED"::equals);

      final List<TimelineEntry> jobs =
          app.bean(Timeline.class).of(orderId).stream()
              .filter(e -> e.source() == TimelineEntry.Source.WORKER)
              .toList();
      assertThat(jobs)
          .extracting(e -> e.element().id())
          .contains(Elements.CHARGE_PAYMENT, Elements.SCHEDULE_DELIVERY);
      assertThat(jobs)
          .extracting(e -> e.job().key())
          .as("keys the first lifetime had recorded")
          .allMatch(key -> key >= FIRST_KEY && key < FIRST_KEY + KEYS_OF_THE_FIRST_LIFETIME);
    } finally {
      engine.stop();
    }
  }
}
