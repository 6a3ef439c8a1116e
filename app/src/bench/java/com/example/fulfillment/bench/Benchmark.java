package com.example.fulfillment.bench;

import com.example.fulfillment.bench.LoadRunner.LevelResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark (see docs/benchmarks.md): in one run on one machine, the raw engine with no-op
 * workers (baseline) and the app through its REST API, at several in-flight levels, bounded in
 * time. Prints a table and a last line with the app/baseline ratio; writes CSV, JSON and a PNG
 * chart to {@code bench.out} (default app/target/bench).
 *
 * <p>System properties: {@code bench.levels} (10,100,1000), {@code bench.warmup} (PT5S), {@code
 * bench.measure} (PT20S), {@code bench.modes} (baseline,app).
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(final String[] args) throws Exception {
    final int[] levels =
        Arrays.stream(System.getProperty("bench.levels", "10,100,1000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    final Duration warmup = Duration.parse(System.getProperty("bench.warmup", "PT5S"));
    final Duration measure = Duration.parse(System.getProperty("bench.measure", "PT20S"));
    final List<String> modes =
        List.of(System.getProperty("bench.modes", "baseline,app").split(","));
    final Path out = Path.of(System.getProperty("bench.out", "app/target/bench"));
    Files.createDirectories(out);

    final List<LevelResult> results = new ArrayList<>();
    final Map<String, Object> machine = machine();
    if (modes.contains("baseline")) {
      final Completions completions = new Completions();
      try (RawEngine engine = new RawEngine(completions, 8)) {
        final LoadRunner runner = new LoadRunner(completions);
        for (int level : levels) {
          results.add(
              print(
                  runner.run(
                      "baseline", level, warmupFor(level, warmup), measure, 8, engine::start)));
        }
      }
    }
    if (modes.contains("app")) {
      final Completions completions = new Completions();
      try (AppUnderTest app = new AppUnderTest(completions)) {
        machine.put("appStartupMs", app.startup.toMillis());
        final LoadRunner runner = new LoadRunner(completions);
        for (int level : levels) {
          results.add(
              print(runner.run("app", level, warmupFor(level, warmup), measure, 16, app::start)));
        }
        machine.put("rssMbAfterApp", rssMb());
      }
    }

    System.out.println();
    System.out.print(Report.table(results));
    Report.csv(results, out.resolve("results.csv"));
    Report.json(results, machine, out.resolve("results.json"));
    Report.chart(results, out.resolve("results.png"));
    System.out.println("results: " + out.toAbsolutePath());
    System.out.println(summary(results, levels));
    System.exit(0);
  }

  /**
   * With many orders in flight the first ones complete only after roughly in-flight / throughput
   * seconds: measure after that (50 ms per order in flight), or the window sees a pipeline still
   * filling up instead of its steady state.
   */
  static Duration warmupFor(final int inFlight, final Duration configured) {
    final Duration fill = Duration.ofMillis(50L * inFlight);
    return fill.compareTo(configured) > 0 ? fill : configured;
  }

  private static LevelResult print(final LevelResult r) {
    System.out.printf(
        Locale.ROOT,
        "%s in-flight=%d: %.1f orders/s (start p99 %.1f ms, e2e p99 %.0f ms)%n",
        r.mode(),
        r.inFlight(),
        r.throughput(),
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
