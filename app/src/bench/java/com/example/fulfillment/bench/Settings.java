package com.example.fulfillment.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's settings, from system properties (the pom passes {@code -Dbench.*}); defaults in
 * brackets in docs/benchmarks.md.
 */
record Settings(
    int[] levels,
    Windows windows,
    Set<String> modes,
    String transport,
    int[] openRatesPercent,
    Duration openWarmup,
    Duration openMeasure,
    int[] engineLevels,
    int validationLevel) {

  static final Set<String> TRANSPORTS = Set.of("in-process", "tcp");

  static Settings fromSystemProperties() {
    final String transport = System.getProperty("bench.transport", "in-process");
    if (!TRANSPORTS.contains(transport)) {
      throw new IllegalArgumentException("bench.transport: in-process or tcp, not " + transport);
    }
    return new Settings(
        ints("bench.levels", "10,100,1000"),
        new Windows(
            duration("bench.warmup", "PT5S"),
            duration("bench.measure", "PT20S"),
            duration("bench.maxMeasure", "PT60S"),
            Integer.getInteger("bench.reps", 3)),
        Set.copyOf(List.of(System.getProperty("bench.modes", "baseline,app").split(","))),
        transport,
        ints("bench.openRates", "25,50,75"),
        duration("bench.openWarmup", "PT5S"),
        duration("bench.openMeasure", "PT30S"),
        ints("bench.engineLevels", "10,100,1000"),
        Integer.getInteger("bench.validationLevel", 100));
  }

  boolean runs(final String mode) {
    return modes.contains(mode);
  }

  private static int[] ints(final String property, final String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(","))
        .map(String::trim)
        .mapToInt(Integer::parseInt)
        .toArray();
  }

  private static Duration duration(final String property, final String defaults) {
    return Duration.parse(System.getProperty(property, defaults));
  }
}
