package com.example.fulfillment.bench;

import com.example.fulfillment.bench.LoadRunner.LevelResult;
import com.example.fulfillment.bench.OpenLoopRunner.RateResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark (see docs/benchmarks.md): in one run on one machine, the raw engine with no-op
 * workers (baseline) and the app through its REST API at several in-flight levels (closed loop),
 * the app at fixed arrival rates below its ceiling (open loop), and a reference model on two engine
 * configurations (engines); every part bounded in time. Prints tables and a last line with the
 * app/baseline ratio; writes CSV, JSON and a PNG chart to {@code bench.out} (default
 * app/target/bench). Settings: {@link Settings}.
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(final String[] args) throws Exception {
    final Settings settings = Settings.fromSystemProperties();
    final Path out = Path.of(System.getProperty("bench.out", "app/target/bench"));
    Files.createDirectories(out);

    final List<LevelResult> closed = new ArrayList<>();
    final List<RateResult> open = new ArrayList<>();
    final List<LevelResult> engines = new ArrayList<>();
    final Map<String, Object> machine = machine();
    machine.put("transport", settings.transport());
    if (settings.runs("baseline")) {
      final Completions completions = new Completions();
      try (RawEngine engine = new RawEngine(completions, settings.transport(), 8)) {
        final LoadRunner runner = new LoadRunner(completions, settings.windows());
        for (int level : settings.levels()) {
          closed.add(print(runner.run("baseline", level, 8, engine::start)));
        }
      }
    }
    if (settings.runs("app") || settings.runs("open")) {
      final Completions completions = new Completions();
      try (AppUnderTest app = new AppUnderTest(completions, settings.transport())) {
        machine.put("appStartupMs", app.startup.toMillis());
        if (settings.runs("app")) {
          final LoadRunner runner = new LoadRunner(completions, settings.windows());
          for (int level : settings.levels()) {
            closed.add(print(runner.run("app", level, 16, app::start)));
          }
        }
        if (settings.runs("open")) {
          open.addAll(openLoop(settings, completions, closed, app));
        }
        machine.put("rssMbAfterApp", rssMb());
      }
    }
    ValidationBench.Result validation = null;
    if (settings.runs("validation")) {
      validation = ValidationBench.run(settings, settings.validationLevel());
      machine.put("validation", ValidationBench.summary(validation).strip());
    }
    if (settings.runs("engines")) {
      for (String variant : ReferenceEngine.VARIANTS) {
        for (int level : settings.engineLevels()) {
          // a fresh engine per level: the stock engine keeps its whole log in memory
          final Completions completions = new Completions(ReferenceEngine.PROCESS_ID);
          try (ReferenceEngine engine =
              new ReferenceEngine(variant, completions, settings.transport(), 8)) {
            final LoadRunner runner = new LoadRunner(completions, settings.windows());
            engines.add(print(runner.run(variant, level, 8, engine::start)));
          }
        }
      }
    }

    System.out.println();
    System.out.println("closed loop (transport " + settings.transport() + "):");
    System.out.print(Report.table(closed, "mode", "orders/s"));
    if (!open.isEmpty()) {
      System.out.println("open loop:");
      System.out.print(Report.openTable(open));
    }
    if (!engines.isEmpty()) {
      System.out.println("engines (reference model, 8 jobs per instance):");
      System.out.print(Report.table(engines, "engine", "inst/s"));
    }
    if (validation != null) {
      ValidationBench.print(validation);
    }
    Report.csv(closed, out.resolve("results.csv"));
    Report.openCsv(open, out.resolve("open.csv"));
    Report.csv(engines, out.resolve("engines.csv"));
    Report.json(closed, open, engines, machine, out.resolve("results.json"));
    Report.chart(closed, out.resolve("results.png"));
    System.out.println("results: " + out.toAbsolutePath());
    System.out.println(
        summary(closed, settings.levels())
            + openSummary(open)
            + (validation == null ? "" : ValidationBench.summary(validation)));
    System.exit(0);
  }

  /**
   * The app at fixed arrival rates, each a share of its ceiling: the highest closed-loop app
   * throughput of this run.
   */
  private static List<RateResult> openLoop(
      final Settings settings,
      final Completions completions,
      final List<LevelResult> closed,
      final AppUnderTest app)
      throws InterruptedException {
    final double ceiling =
        closed.stream()
            .filter(r -> r.mode().equals("app"))
            .mapToDouble(LevelResult::throughput)
            .max()
            .orElse(Double.NaN);
    if (Double.isNaN(ceiling) || ceiling <= 0) {
      System.out.println(
          "open loop skipped: it needs the closed-loop app levels (bench.modes=app)");
      return List.of();
    }
    final OpenLoopRunner runner = new OpenLoopRunner(completions);
    final List<RateResult> results = new ArrayList<>();
    for (int percent : settings.openRatesPercent()) {
      final RateResult r =
          runner.run(
              "open",
              percent,
              ceiling * percent / 100.0,
              settings.openWarmup(),
              settings.openMeasure(),
              app::start);
      System.out.printf(
          Locale.ROOT,
          "open %d%% of %.1f: %.1f/s started (start p99 %.1f ms, e2e p99 %.0f ms, %d errors)%n",
          percent,
          ceiling,
          r.startedRate(),
          r.startP99(),
          r.e2eP99(),
          r.errors());
      results.add(r);
    }
    return results;
  }

  private static LevelResult print(final LevelResult r) {
    System.out.printf(
        Locale.ROOT,
        "%s in-flight=%d: %.1f/s median of %s, window %.0f s%s (start p99 %.1f ms, e2e p99 %.0f"
            + " ms)%n",
        r.mode(),
        r.inFlight(),
        r.throughput(),
        r.windowThroughputs().stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList(),
        r.windowSeconds(),
        r.capped() ? " (capped)" : "",
        r.startP99(),
        r.e2eP99());
    return r;
  }

  /** The last line: ratio and headline numbers at the lowest in-flight level measured in both. */
  static String summary(final List<LevelResult> results, final int[] levels) {
    for (int level : levels) {
      final var base =
          results.stream()
              .filter(r -> r.mode().equals("baseline") && r.inFlight() == level)
              .findFirst();
      final var app =
          results.stream().filter(r -> r.mode().equals("app") && r.inFlight() == level).findFirst();
      if (base.isPresent() && app.isPresent()) {
        return String.format(
            Locale.ROOT,
            "bench: app/baseline=%.2f app=%.1f orders/s baseline=%.1f inst/s p99_start=%.0fms in_flight=%d",
            app.get().throughput() / base.get().throughput(),
            app.get().throughput(),
            base.get().throughput(),
            app.get().startP99(),
            level);
      }
    }
    return "bench: (run both modes for a ratio)";
  }

  /** Appended to the last line: the open loop's start p99 at 50 % of the ceiling. */
  static String openSummary(final List<RateResult> open) {
    return open.stream()
        .filter(r -> r.percentOfCeiling() == 50 && !Double.isNaN(r.startP99()))
        .findFirst()
        .map(r -> String.format(Locale.ROOT, " open_p99_start_at_50pct=%.0fms", r.startP99()))
        .orElse(" open_p99_start_at_50pct=n/a");
  }

  private static Map<String, Object> machine() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("jvm", ManagementFactory.getRuntimeMXBean().getVmName());
    return m;
  }

  private static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      // not Linux: no RSS figure
    }
    return -1;
  }
}
