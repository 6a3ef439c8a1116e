package com.example.fulfillment.bench;

import com.example.fulfillment.bench.LoadRunner.LevelResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Writes the benchmark's table (stdout), CSV, JSON and a PNG chart. */
final class Report {

  private Report() {}

  static String table(final List<LevelResult> results) {
    final StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-9s %9s %10s %9s %9s %9s %9s %9s %9s %7s%n",
            "mode",
            "in-flight",
            "orders/s",
            "start50",
            "start95",
            "start99",
            "e2e50",
            "e2e95",
            "e2e99",
            "errors"));
    // by index into figures(): the table leaves out completed (3) and seconds (4)
    appendRows(
        out,
        results,
        "%1$-9s %2$9d %5$10.1f %6$9.1f %7$9.1f %8$9.1f %9$9.0f %10$9.0f %11$9.0f %12$7d",
        v -> v,
        "");
    return out.toString();
  }

  static void csv(final List<LevelResult> results, final Path file) throws IOException {
    final StringBuilder out =
        new StringBuilder(
            "mode,in_flight,completed,seconds,orders_per_s,start_p50_ms,start_p95_ms,start_p99_ms,"
                + "e2e_p50_ms,e2e_p95_ms,e2e_p99_ms,start_errors\n");
    appendRows(out, results, "%s,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f,%.1f,%.1f,%d", v -> v, "");
    Files.writeString(file, out);
  }

  static void json(
      final List<LevelResult> results, final Map<String, Object> machine, final Path file)
      throws IOException {
    final StringBuilder out = new StringBuilder("{\n  \"machine\": {");
    out.append(
        String.join(
            ", ",
            machine.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .toList()));
    out.append("},\n  \"levels\": [\n");
    appendRows(
        out,
        results,
        "    {\"mode\": \"%s\", \"inFlight\": %d, \"completed\": %d, \"seconds\": %.2f,"
            + " \"ordersPerSecond\": %.2f, \"startMs\": {\"p50\": %.2f, \"p95\": %.2f,"
            + " \"p99\": %.2f}, \"endToEndMs\": {\"p50\": %.1f, \"p95\": %.1f, \"p99\": %.1f},"
            + " \"startErrors\": %d}",
        Report::nan,
        ",");
    Files.writeString(file, out.append("  ]\n}\n"));
  }

  /**
   * One line per level: {@code format} over the level's {@link #figures}, then {@code separator}
   * (not after the last) and a line break.
   */
  private static void appendRows(
      final StringBuilder out,
      final List<LevelResult> results,
      final String format,
      final DoubleUnaryOperator latency,
      final String separator) {
    for (int i = 0; i < results.size(); i++) {
      out.append(String.format(Locale.ROOT, format, figures(results.get(i), latency)));
      out.append(i + 1 < results.size() ? separator : "").append(System.lineSeparator());
    }
  }

  /** JSON has no NaN: a latency that was not measured is written as -1. */
  private static double nan(final double v) {
    return Double.isNaN(v) ? -1 : v;
  }

  /**
   * One level's figures in the order the CSV and JSON write them (the table picks by index), each
   * latency passed through {@code latency}.
   */
  private static Object[] figures(final LevelResult r, final DoubleUnaryOperator latency) {
    return new Object[] {
      r.mode(),
      r.inFlight(),
      r.completed(),
      r.seconds(),
      r.throughput(),
      latency.applyAsDouble(r.startP50()),
      latency.applyAsDouble(r.startP95()),
      latency.applyAsDouble(r.startP99()),
      latency.applyAsDouble(r.e2eP50()),
      latency.applyAsDouble(r.e2eP95()),
      latency.applyAsDouble(r.e2eP99()),
      r.startErrors()
    };
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
