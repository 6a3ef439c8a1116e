package com.example.fulfillment.bench;

import com.example.fulfillment.app.events.contracts.SchemaValidator;
import com.example.fulfillment.app.events.outbound.OutboundValidation;
import com.example.fulfillment.app.events.outbound.Outbox;
import com.example.fulfillment.bench.LoadRunner.LevelResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What validating every outgoing event against its schema costs (bench mode {@code validation}):
 *
 * <ul>
 *   <li>orders/s of the app with {@code fulfillment.events.outbox.validate} on and off, in one run:
 *       after a warm-up app that is not counted, fresh apps in the order on, off, off, on at one
 *       in-flight level, each measured in the same windows; the ratio is mean(on) / mean(off)
 *       (goal: at least 0.95);
 *   <li>the time per event: the relay's own timer in the running app (size check and schema check,
 *       as published), and a tight loop over real events of every type and version from the app's
 *       outbox (the schema check alone, warmed up).
 * </ul>
 */
final class ValidationBench {

  private static final String VALIDATE = "--fulfillment.events.outbox.validate=";
  private static final int LOOP_WARMUP = 20_000;
  private static final int LOOP_MEASURE = 50_000;

  /** The result: throughput per arm and per-event figures. */
  record Result(
      List<LevelResult> on,
      List<LevelResult> off,
      double ratio,
      double relayMeanMicros,
      double relayMaxMicros,
      long relayCount,
      Map<String, Double> loopMicrosByEvent) {}

  private record Sample(String type, int version, String data) {}

  private ValidationBench() {}

  static Result run(final Settings settings, final int inFlight) throws Exception {
    final List<LevelResult> on = new ArrayList<>();
    final List<LevelResult> off = new ArrayList<>();
    double relayMean = Double.NaN;
    double relayMax = Double.NaN;
    long relayCount = 0;
    List<Sample> samples = List.of();
    // a first app warms the JVM (class loading, JIT) and is not counted; then on, off, off, on, so
    // that a drift over the run (JIT, the disk) weighs on both arms alike
    final Boolean[] arms = {null, true, false, false, true};
    for (Boolean arm : arms) {
      final boolean validate = arm == null || arm;
      final Completions completions = new Completions();
      try (AppUnderTest app =
          new AppUnderTest(completions, settings.transport(), List.of(VALIDATE + validate))) {
        final LoadRunner runner = new LoadRunner(completions, settings.windows());
        final String name =
            arm == null ? "warm-up (not counted)" : validate ? "validate-on" : "validate-off";
        final LevelResult r = runner.run(name, inFlight, 16, app::start);
        System.out.printf(
            Locale.ROOT,
            "%s in-flight=%d: %.1f orders/s median of %s%n",
            name,
            inFlight,
            r.throughput(),
            r.windowThroughputs().stream()
                .map(v -> String.format(Locale.ROOT, "%.1f", v))
                .toList());
        // the relay runs beside the orders: its backlog at the end shows whether it kept up
        System.out.printf(
            Locale.ROOT,
            "  outbox backlog at the end: %d event(s)%n",
            app.bean(Outbox.class).pending());
        if (arm == null) {
          continue;
        }
        (validate ? on : off).add(r);
        if (validate) {
          final Timer timer = app.bean(MeterRegistry.class).get(OutboundValidation.TIMER).timer();
          relayCount = timer.count();
          relayMean = timer.mean(TimeUnit.MICROSECONDS);
          relayMax = timer.max(TimeUnit.MICROSECONDS);
          samples = samples(app.bean(JdbcClient.class));
        }
      }
    }
    final double ratio = mean(on) / mean(off);
    return new Result(on, off, ratio, relayMean, relayMax, relayCount, loop(samples));
  }

  /** One real event of every type and version the outbox holds. */
  private static List<Sample> samples(final JdbcClient jdbc) {
    return jdbc.sql(
            """
            SELECT e.event_type, e.schema_version, e.data FROM outbox_event e
             WHERE e.seq IN (SELECT MAX(seq) FROM outbox_event GROUP BY event_type, schema_version)
             ORDER BY e.event_type, e.schema_version
            """)
        .query(
            (rs, n) ->
                new Sample(
                    rs.getString("event_type"), rs.getInt("schema_version"), rs.getString("data")))
        .list();
  }

  /** Microseconds per schema check of each sample, after a warm-up; every check must pass. */
  private static Map<String, Double> loop(final List<Sample> samples) {
    final Map<String, Double> micros = new LinkedHashMap<>();
    for (Sample sample : samples) {
      for (int i = 0; i < LOOP_WARMUP; i++) {
        check(sample);
      }
      final long t0 = System.nanoTime();
      for (int i = 0; i < LOOP_MEASURE; i++) {
        check(sample);
      }
      micros.put(
          sample.type() + " v" + sample.version(),
          (System.nanoTime() - t0) / 1000.0 / LOOP_MEASURE);
    }
    return micros;
  }

  private static void check(final Sample sample) {
    if (!SchemaValidator.violations(sample.type(), sample.version(), sample.data()).isEmpty()) {
      throw new IllegalStateException("a real event failed its schema: " + sample);
    }
  }

  private static double mean(final List<LevelResult> results) {
    return results.stream().mapToDouble(LevelResult::throughput).average().orElse(Double.NaN);
  }

  static void print(final Result r) {
    System.out.println("validation on publish:");
    r.loopMicrosByEvent()
        .forEach(
            (event, micros) ->
                System.out.printf(Locale.ROOT, "  %-36s %6.1f µs per check%n", event, micros));
    System.out.printf(
        Locale.ROOT,
        "  relay (size + schema, in the app): mean %.1f µs, max %.0f µs over %d events%n",
        r.relayMeanMicros(),
        r.relayMaxMicros(),
        r.relayCount());
  }

  /** The summary line's part. */
  static String summary(final Result r) {
    return String.format(
        Locale.ROOT,
        " validation_on/off=%.3f (on %s, off %s orders/s) validation_us_per_event=%.1f",
        r.ratio(),
        r.on().stream().map(x -> String.format(Locale.ROOT, "%.1f", x.throughput())).toList(),
        r.off().stream().map(x -> String.format(Locale.ROOT, "%.1f", x.throughput())).toList(),
        r.relayMeanMicros());
  }
}
