package com.example.fulfillment.bench;

import com.example.fulfillment.bench.LoadRunner.LevelResult;
import com.example.fulfillment.bench.OpenLoopRunner.RateResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Writes the benchmark's tables (stdout), CSV, JSON and a PNG chart (closed loop only). */
final class Report {

  private Report() {}

  /** Closed loop (baseline, app) or engines: one row per level. */
  static String table(final List<LevelResult> results, final String first, final String unit) {
    final StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-9s %9s %9s %15s %9s %8s %8s %8s %8s %8s %8s %6s%n",
                first,
                "in-flight",
                unit,
                "spread",
                "window",
                "start50",
                "start95",
                "start99",
                "e2e50",
                "e2e95",
                "e2e99",
                "errors"));
    for (LevelResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-9s %9d %9.1f %15s %9s %8.1f %8.1f %8.1f %8.0f %8.0f %8.0f %6d%n",
              withLatencies(
                  r,
                  r.mode(),
                  r.inFlight(),
                  r.throughput(),
                  String.format(Locale.ROOT, "%.1f–%.1f", r.minThroughput(), r.maxThroughput()),
                  String.format(
                      Locale.ROOT,
                      "%d×%.0fs%s",
                      r.windowThroughputs().size(),
                      r.windowSeconds(),
                      r.capped() ? "!" : ""))));
    }
    if (results.stream().anyMatch(LevelResult::capped)) {
      out.append("(window !: capped at bench.maxMeasure, shorter than 3 × the end-to-end p50)\n");
    }
    return out.toString();
  }

  static String openTable(final List<RateResult> results) {
    final StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-5s %7s %9s %9s %11s %8s %8s %8s %8s %6s%n",
                "mode",
                "ceiling",
                "target/s",
                "started/s",
                "completed/s",
                "start50",
                "start95",
                "start99",
                "e2e99",
                "errors"));
    for (RateResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-5s %6d%% %9.1f %9.1f %11.1f %8.1f %8.1f %8.1f %8.0f %6d%n",
              rateRow(r)));
    }
    return out.toString();
  }

  private static final String LEVEL_CSV_HEADER =
      "mode,in_flight,per_s_median,per_s_min,per_s_max,windows,window_s,capped,completed,"
          + "start_p50_ms,start_p95_ms,start_p99_ms,e2e_p50_ms,e2e_p95_ms,e2e_p99_ms,start_errors\n";

  /** Closed-loop or engine levels as CSV. */
  static void csv(final List<LevelResult> results, final Path file) throws IOException {
    final StringBuilder out = new StringBuilder(LEVEL_CSV_HEADER);
    for (LevelResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.2f,%.2f,%.2f,%d,%.1f,%b,%d,%.2f,%.2f,%.2f,%.1f,%.1f,%.1f,%d%n",
              withLatencies(
                  r,
                  r.mode(),
                  r.inFlight(),
                  r.throughput(),
                  r.minThroughput(),
                  r.maxThroughput(),
                  r.windowThroughputs().size(),
                  r.windowSeconds(),
                  r.capped(),
                  r.completed())));
    }
    Files.writeString(file, out);
  }

  static void openCsv(final List<RateResult> results, final Path file) throws IOException {
    final StringBuilder out =
        new StringBuilder(
            "mode,percent_of_ceiling,target_per_s,started_per_s,completed_per_s,seconds,"
                + "start_p50_ms,start_p95_ms,start_p99_ms,e2e_p99_ms,errors\n");
    for (RateResult r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.2f,%.2f,%.2f,%.1f,%.2f,%.2f,%.2f,%.1f,%d%n",
              rateRow(r, r.seconds())));
    }
    Files.writeString(file, out);
  }

  static void json(
      final List<LevelResult> closed,
      final List<RateResult> open,
      final List<LevelResult> engines,
      final Map<String, Object> machine,
      final Path file)
      throws IOException {
    final StringBuilder out = new StringBuilder("{\n  \"machine\": {");
    out.append(
        String.join(
            ", ",
            machine.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .toList()));
    out.append("},\n  \"levels\": [\n");
    out.append(String.join(",\n", closed.stream().map(Report::levelJson).toList()));
    out.append("\n  ],\n  \"open\": [\n");
    out.append(String.join(",\n", open.stream().map(Report::rateJson).toList()));
    out.append("\n  ],\n  \"engines\": [\n");
    out.append(String.join(",\n", engines.stream().map(Report::levelJson).toList()));
    Files.writeString(file, out.append("\n  ]\n}\n"));
  }

  private static String levelJson(final LevelResult r) {
    return String.format(
        Locale.ROOT,
        "    {\"mode\": \"%s\", \"inFlight\": %d, \"perSecond\": %.2f, \"windows\": %s,"
            + " \"windowSeconds\": %.1f, \"capped\": %b, \"completed\": %d,"
            + " \"startMs\": %s,"
            + " \"endToEndMs\": {\"p50\": %.1f, \"p95\": %.1f, \"p99\": %.1f},"
            + " \"startErrors\": %d}",
        r.mode(),
        r.inFlight(),
        nan(r.throughput()),
        r.windowThroughputs().stream()
            .map(v -> String.format(Locale.ROOT, "%.2f", v))
            .toList()
            .toString(),
        r.windowSeconds(),
        r.capped(),
        r.completed(),
        startMs(r.startP50(), r.startP95(), r.startP99()),
        nan(r.e2eP50()),
        nan(r.e2eP95()),
        nan(r.e2eP99()),
        r.startErrors());
  }

  private static String rateJson(final RateResult r) {
    return String.format(
        Locale.ROOT,
        "    {\"mode\": \"%s\", \"percentOfCeiling\": %d, \"targetPerSecond\": %.2f,"
            + " \"startedPerSecond\": %.2f, \"completedPerSecond\": %.2f, \"seconds\": %.1f,"
            + " \"startMs\": %s,"
            + " \"endToEndMs\": {\"p99\": %.1f}, \"errors\": %d}",
        r.mode(),
        r.percentOfCeiling(),
        r.targetRate(),
        r.startedRate(),
        r.completedRate(),
        r.seconds(),
        startMs(r.startP50(), r.startP95(), r.startP99()),
        nan(r.e2eP99()),
        r.errors());
  }

  private static String startMs(final double p50, final double p95, final double p99) {
    return String.format(
        Locale.ROOT, "{\"p50\": %.2f, \"p95\": %.2f, \"p99\": %.2f}", nan(p50), nan(p95), nan(p99));
  }

  /**
   * A level row's leading columns, then the latency columns and errors every level row ends with.
   */
  private static Object[] withLatencies(final LevelResult r, final Object... leading) {
    final List<Object> row = new ArrayList<>(List.of(leading));
    row.addAll(
        List.of(
            r.startP50(),
            r.startP95(),
            r.startP99(),
            r.e2eP50(),
            r.e2eP95(),
            r.e2eP99(),
            r.startErrors()));
    return row.toArray();
  }

  /** An open-loop row: mode and rates, the {@code extra} columns, then latencies and errors. */
  private static Object[] rateRow(final RateResult r, final Object... extra) {
    final List<Object> row =
        new ArrayList<>(
            List.of(
                r.mode(),
                r.percentOfCeiling(),
                r.targetRate(),
                r.startedRate(),
                r.completedRate()));
    row.addAll(List.of(extra));
    row.addAll(List.of(r.startP50(), r.startP95(), r.startP99(), r.e2eP99(), r.errors()));
    return row.toArray();
  }

  /** JSON has no NaN: a figure that was not measured is written as -1. */
  private static double nan(final double v) {
    return Double.isNaN(v) ? -1 : v;
  }

  /** Two panels: throughput per in-flight level, and end-to-end p99 latency, baseline vs app. */
  static void chart(final List<LevelResult> results, final Path file) throws IOException {
    final int width = 1100;
    final int height = 480;
    final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    panel(g, results, 40, "Throughput (orders/s)", LevelResult::throughput);
    panel(g, results, 580, "End-to-end p99 (ms)", LevelResult::e2eP99);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(
      final Graphics2D g,
      final List<LevelResult> results,
      final int x0,
      final String title,
      final ToDoubleFunction<LevelResult> metric) {
    final int w = 480;
    final int h = 340;
    final int y0 = 60;
    final List<Integer> levels =
        results.stream().map(LevelResult::inFlight).distinct().sorted().toList();
    final double max =
        Math.max(
                1,
                results.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).max().orElse(1))
            * 1.15;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, x0, 35);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(x0 + 50, y0, x0 + 50, y0 + h);
    g.drawLine(x0 + 50, y0 + h, x0 + 50 + w - 60, y0 + h);
    for (int t = 0; t <= 4; t++) {
      final double v = max * t / 4;
      final int y = y0 + h - (int) (h * t / 4.0);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(x0 + 51, y, x0 + 50 + w - 60, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.0f", v), x0, y + 4);
    }
    final int groupWidth = (w - 80) / Math.max(1, levels.size());
    final String[] modes = {"baseline", "app"};
    final Color[] colors = {new Color(120, 120, 120), new Color(0, 110, 200)};
    for (int li = 0; li < levels.size(); li++) {
      final int level = levels.get(li);
      final int gx = x0 + 60 + li * groupWidth;
      for (int m = 0; m < modes.length; m++) {
        final String mode = modes[m];
        final double v =
            results.stream()
                .filter(r -> r.inFlight() == level && r.mode().equals(mode))
                .mapToDouble(metric)
                .findFirst()
                .orElse(Double.NaN);
        if (Double.isNaN(v)) {
          continue;
        }
        final int bh = (int) (h * v / max);
        final int bx = gx + m * (groupWidth / 2 - 5);
        g.setColor(colors[m]);
        g.fillRect(bx, y0 + h - bh, groupWidth / 2 - 12, bh);
        g.setColor(Color.BLACK);
        g.drawString(
            String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v), bx, y0 + h - bh - 4);
      }
      g.setColor(Color.BLACK);
      g.drawString(level + " in flight", gx + 10, y0 + h + 18);
    }
    g.setStroke(new BasicStroke(1));
    for (int m = 0; m < modes.length; m++) {
      g.setColor(colors[m]);
      g.fillRect(x0 + 60 + m * 110, y0 + h + 32, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(modes[m], x0 + 78 + m * 110, y0 + h + 43);
    }
  }
}
