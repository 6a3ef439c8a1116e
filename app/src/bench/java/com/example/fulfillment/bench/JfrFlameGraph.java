package com.example.fulfillment.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Turns the CPU samples ({@code jdk.ExecutionSample}, all threads) of a JFR recording into a
 * self-contained SVG flame graph, its root split by thread group, and a text summary beside it.
 * Plain JDK, no profiler needed:
 *
 * <pre>
 * java JfrFlameGraph.java app/target/bench/bench.jfr docs/bench/profile [--since=PT30S]
 * </pre>
 *
 * writes {@code docs/bench/profile.svg} and {@code docs/bench/profile.txt}. {@code --since} skips
 * the samples taken in the first part of the recording (warm-up).
 */
public final class JfrFlameGraph {

  /** A thread group: threads whose name matches {@code pattern}; the first match wins. */
  record Group(String name, Pattern pattern) {}

  /** A package family: frames whose class starts with one of {@code prefixes} share a colour. */
  record Family(String name, int[] rgb, List<String> prefixes) {}

  /** One CPU sample: its thread group and its stack, outermost frame first. */
  record Sample(String group, String thread, List<String> frames) {}

  /** A node of the flame graph: a frame (or group, or the root) and the samples under it. */
  static final class Node {
    final String name;
    final Map<String, Node> children = new HashMap<>();
    long samples;

    Node(final String name) {
      this.name = name;
    }

    Node child(final String name) {
      return children.computeIfAbsent(name, Node::new);
    }
  }

  static final List<Group> GROUPS =
      List.of(
          new Group("engine (zb-*)", Pattern.compile("zb-.*")),
          new Group(
              "gRPC / Netty",
              Pattern.compile("(grpc-.*|.*[Nn]etty.*|.*EventLoop.*|nioEventLoopGroup.*)")),
          new Group("job workers (camunda-client-*)", Pattern.compile("(camunda-client-|pool-).*")),
          new Group("Tomcat (http-nio-*)", Pattern.compile("http-nio-.*")),
          new Group("load generator (bench-*)", Pattern.compile("(bench-|HttpClient-).*")),
          new Group("exporter", Pattern.compile("(?i).*exporter.*")),
          new Group("H2", Pattern.compile("(H2 |MVStore|h2).*")),
          new Group("other", Pattern.compile(".*")));

  static final List<Family> FAMILIES =
      List.of(
          new Family("ours (com.example)", new int[] {236, 200, 40}, List.of("com.example.")),
          new Family(
              "H2 / JDBC",
              new int[] {80, 140, 225},
              List.of("org.h2.", "java.sql.", "com.zaxxer.", "org.springframework.jdbc.")),
          new Family(
              "JSON",
              new int[] {60, 185, 175},
              List.of("com.fasterxml.", "tools.jackson.", "org.msgpack.")),
          new Family(
              "gRPC / Netty",
              new int[] {165, 125, 220},
              List.of("io.grpc.", "io.netty.", "com.google.protobuf.", "io.perfmark.")),
          new Family(
              "Zeebe engine / Camunda",
              new int[] {225, 85, 75},
              List.of("io.camunda.", "io.zeebe.", "org.camunda.", "org.agrona.", "org.rocksdb.")),
          new Family(
              "Spring / Tomcat",
              new int[] {105, 185, 85},
              List.of(
                  "org.springframework.",
                  "org.apache.catalina.",
                  "org.apache.coyote.",
                  "org.apache.tomcat.",
                  "jakarta.servlet.")),
          new Family(
              "JDK",
              new int[] {240, 150, 60},
              List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")),
          new Family("other", new int[] {175, 165, 150}, List.of("")));

  static final int WIDTH = 1400;
  static final int PAD = 10;
  static final int ROW = 16;
  static final int TOP = 64;
  static final double CHAR_WIDTH = 6.7; // 11px monospace
  static final double MIN_WIDTH = 1.0; // narrower frames are not drawn (nor their children)

  private JfrFlameGraph() {}

  public static void main(final String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JfrFlameGraph <recording.jfr> <output prefix> [--since=PT30S]");
      System.exit(2);
    }
    final Path input = Path.of(args[0]);
    Duration since = Duration.ZERO;
    for (int i = 2; i < args.length; i++) {
      if (!args[i].startsWith("--since=")) {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
      since = Duration.parse(args[i].substring("--since=".length()));
    }
    final List<Sample> samples = new ArrayList<>();
    final int[] truncated = {0};
    final Duration window = read(input, since, samples, truncated);
    final Node root = new Node("all threads");
    for (Sample s : samples) {
      Node node = root;
      node.samples++;
      node = node.child(s.group());
      node.samples++;
      for (String frame : s.frames()) {
        node = node.child(frame);
        node.samples++;
      }
    }
    final String title =
        String.format(
            Locale.ROOT,
            "CPU samples: %s, %,d samples over %d s%s",
            input.getFileName(),
            samples.size(),
            window.toSeconds(),
            since.isZero() ? "" : " (after the first " + since.toSeconds() + " s)");
    final Path svg = Path.of(args[1] + ".svg");
    final Path txt = Path.of(args[1] + ".txt");
    if (svg.getParent() != null) {
      Files.createDirectories(svg.getParent());
    }
    Files.writeString(svg, svg(root, title));
    Files.writeString(txt, summary(title, samples, truncated[0]));
    System.out.println("wrote " + svg + " and " + txt + " (" + samples.size() + " samples)");
  }

  /** Reads the samples taken {@code since} after the recording's start; returns their span. */
  static Duration read(
      final Path input, final Duration since, final List<Sample> out, final int[] truncated)
      throws IOException {
    final Map<String, String> names = new HashMap<>(); // one String per distinct frame
    final List<Instant> times = new ArrayList<>();
    Instant first = Instant.MAX;
    try (RecordingFile file = new RecordingFile(input)) {
      while (file.hasMoreEvents()) {
        final RecordedEvent event = file.readEvent();
        first = event.getStartTime().isBefore(first) ? event.getStartTime() : first;
        final RecordedStackTrace stack = event.getStackTrace();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null) {
          continue;
        }
        final RecordedThread thread = event.getThread("sampledThread");
        String threadName = thread == null ? null : thread.getJavaName();
        threadName = threadName != null ? threadName : thread == null ? null : thread.getOSName();
        threadName = threadName == null || threadName.isEmpty() ? "(unnamed)" : threadName;
        final List<RecordedFrame> frames = stack.getFrames();
        final List<String> names1 = new ArrayList<>(frames.size() + 1);
        if (stack.isTruncated()) {
          names1.add("[stack truncated]");
          truncated[0]++;
        }
        for (int i = frames.size() - 1; i >= 0; i--) { // JFR lists the leaf first
          final String name = frameName(frames.get(i));
          names1.add(names.computeIfAbsent(name, n -> n));
        }
        out.add(new Sample(groupOf(threadName), threadName, names1));
        times.add(event.getStartTime());
      }
    }
    final Instant from = first.plus(since);
    Instant lo = Instant.MAX;
    Instant hi = Instant.MIN;
    final List<Sample> kept = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      final Instant t = times.get(i);
      if (!t.isBefore(from)) {
        kept.add(out.get(i));
        lo = t.isBefore(lo) ? t : lo;
        hi = t.isAfter(hi) ? t : hi;
      }
    }
    out.clear();
    out.addAll(kept);
    return kept.isEmpty() ? Duration.ZERO : Duration.between(lo, hi);
  }

  static String frameName(final RecordedFrame frame) {
    final String type = frame.getMethod().getType().getName();
    // Hidden classes (lambdas, method handles) carry an address: drop it so they merge.
    return type.replaceAll("[./]0x[0-9a-f]+", "") + "." + frame.getMethod().getName();
  }

  static String groupOf(final String thread) {
    return GROUPS.stream()
        .filter(g -> g.pattern().matcher(thread).matches())
        .findFirst()
        .orElseThrow()
        .name();
  }

  static Family familyOf(final String frame) {
    return FAMILIES.stream()
        .filter(f -> f.prefixes().stream().anyMatch(frame::startsWith))
        .findFirst()
        .orElseThrow();
  }

  static String svg(final Node root, final String title) {
    final int depth = depth(root, WIDTH - 2.0 * PAD);
    final int height = TOP + depth * ROW + 30;
    final StringBuilder out = new StringBuilder();
    out.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">%n",
                WIDTH,
                height,
                WIDTH,
                height))
        .append("<style>g.f:hover rect{stroke:#000;stroke-width:1}</style>\n")
        .append(
            String.format("<rect width=\"%d\" height=\"%d\" fill=\"#fafaf5\"/>%n", WIDTH, height))
        .append(
            String.format(
                "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                PAD, xml(title)))
        .append(
            String.format(
                "<text x=\"%d\" y=\"%d\" fill=\"#555\">width: share of all CPU samples;"
                    + " bottom row: thread group; hover a frame for its name, samples and %%</text>%n",
                PAD, height - 10));
    double x = PAD;
    for (Family f : FAMILIES) { // legend
      out.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.0f\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%.0f\" y=\"44\">%s</text>%n",
              x,
              rgb(f.rgb(), 15),
              x + 16,
              xml(f.name())));
      x += 16 + f.name().length() * CHAR_WIDTH + 18;
    }
    draw(out, root, PAD, WIDTH - 2.0 * PAD, 0, height - 30, root.samples, 0);
    return out.append("</svg>\n").toString();
  }

  static void draw(
      final StringBuilder out,
      final Node node,
      final double x,
      final double width,
      final int level,
      final int bottom,
      final long total,
      final int tint) {
    final int y = bottom - (level + 1) * ROW;
    final String fill =
        level < 2 ? (level == 0 ? "#c8c8c8" : "#e0e0e0") : rgb(familyOf(node.name).rgb(), tint);
    final String label = node.name + " (" + node.samples + " samples, " + pct(node, total) + ")";
    out.append(
        String.format(
            Locale.ROOT,
            "<g class=\"f\"><title>%s</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\""
                + " height=\"%d\" rx=\"2\" fill=\"%s\"/>",
            xml(label),
            x,
            y,
            Math.max(width - 0.5, 0.1),
            ROW - 1,
            fill));
    final int chars = (int) ((width - 6) / CHAR_WIDTH);
    if (chars >= 3) {
      final String text = level == 1 ? node.name + " " + pct(node, total) : shortName(node.name);
      final String shown = text.length() <= chars ? text : text.substring(0, chars - 2) + "..";
      out.append(
          String.format(
              Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>", x + 3, y + 11, xml(shown)));
    }
    out.append("</g>\n");
    double childX = x;
    for (Node child : sorted(node.children.values())) {
      final double w = width * child.samples / node.samples;
      if (w >= MIN_WIDTH) {
        draw(out, child, childX, w, level + 1, bottom, total, child.name.hashCode());
      }
      childX += w;
    }
  }

  /** Drops the package from a frame's class, so that more of the name fits its rectangle. */
  static String shortName(final String frame) {
    final int method = frame.lastIndexOf('.');
    final int pkg = method > 0 ? frame.lastIndexOf('.', method - 1) : -1;
    return pkg > 0 && Character.isLowerCase(frame.charAt(0)) ? frame.substring(pkg + 1) : frame;
  }

  static String summary(final String title, final List<Sample> samples, final int truncated) {
    final StringBuilder out = new StringBuilder(title).append("\n\n");
    if (truncated > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "%d samples (%.1f %%) had truncated stacks: raise -XX:FlightRecorderOptions=stackdepth=%n%n",
              truncated,
              100.0 * truncated / Math.max(1, samples.size())));
    }
    final Map<String, List<Sample>> byGroup = new LinkedHashMap<>();
    samples.stream()
        .sorted(Comparator.comparing(Sample::group))
        .forEach(s -> byGroup.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s));
    final List<Map.Entry<String, List<Sample>>> groups = new ArrayList<>(byGroup.entrySet());
    groups.sort(Comparator.comparingInt(e -> -e.getValue().size()));
    out.append("Samples per thread group (busiest threads)\n");
    for (Map.Entry<String, List<Sample>> g : groups) {
      final Map<String, Long> threads = count(g.getValue(), s -> List.of(s.thread()));
      out.append(
          String.format(
              Locale.ROOT,
              "  %-32s %8d %6.1f %%   %s%n",
              g.getKey(),
              g.getValue().size(),
              100.0 * g.getValue().size() / samples.size(),
              String.join(", ", top(threads, 4).keySet())));
    }
    out.append("\nTop 25 self-time frames, all threads (samples, % of all)\n");
    table(
        out,
        top(count(samples, s -> s.frames().subList(s.frames().size() - 1, s.frames().size())), 25),
        samples.size());
    for (Map.Entry<String, List<Sample>> g : groups.subList(0, Math.min(3, groups.size()))) {
      out.append("\nTop 25 total-time frames in ")
          .append(g.getKey())
          .append(" (samples, % of group)\n");
      table(out, top(count(g.getValue(), s -> new HashSet<>(s.frames())), 25), g.getValue().size());
    }
    return out.toString();
  }

  static Map<String, Long> count(
      final List<Sample> samples,
      final java.util.function.Function<Sample, ? extends Iterable<String>> keys) {
    final Map<String, Long> counts = new HashMap<>();
    for (Sample s : samples) {
      for (String key : keys.apply(s)) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    return counts;
  }

  static Map<String, Long> top(final Map<String, Long> counts, final int n) {
    final Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  static void table(final StringBuilder out, final Map<String, Long> rows, final int of) {
    rows.forEach(
        (frame, n) ->
            out.append(
                String.format(Locale.ROOT, "  %8d %6.1f %%  %s%n", n, 100.0 * n / of, frame)));
  }

  static List<Node> sorted(final java.util.Collection<Node> nodes) {
    return nodes.stream()
        .sorted(Comparator.comparingLong((Node n) -> -n.samples).thenComparing(n -> n.name))
        .toList();
  }

  /** Rows needed to draw {@code node} at {@code width} pixels. */
  static int depth(final Node node, final double width) {
    int max = 0;
    for (Node child : node.children.values()) {
      final double w = width * child.samples / node.samples;
      max = w >= MIN_WIDTH ? Math.max(max, depth(child, w)) : max;
    }
    return 1 + max;
  }

  static String pct(final Node node, final long total) {
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * node.samples / total);
  }

  static String rgb(final int[] base, final int tint) {
    final int j = Math.floorMod(tint, 31) - 15; // small per-frame variation, stable across runs
    return String.format(
        "#%02x%02x%02x",
        Math.clamp(base[0] + j, 0, 255),
        Math.clamp(base[1] + j, 0, 255),
        Math.clamp(base[2] + j / 2, 0, 255));
  }

  static String xml(final String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
