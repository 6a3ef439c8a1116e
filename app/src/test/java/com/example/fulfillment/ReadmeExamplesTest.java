package com.example.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's promises, kept: its two commands are in the first screen, its first order works as
 * written (the {@code curl} example is read from the README and sent to the app, started as {@code
 * spring-boot:test-run} starts it: embedded engine, simulated carrier on), and every relative link
 * in {@code README.md} and {@code docs/} points to a file (and heading) that exists. Nothing of the
 * example is repeated here: change the README's curl and this test sends the new one; break it and
 * this test fails.
 */
@SpringBootTest(
    classes = FulfillmentApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      // a free port for the in-process engine, as in every test that starts the app
      "fulfillment.engine.embedded.port=0",
      // more time than the default 2 s to report the instance key on a busy build machine
      "fulfillment.orders.await-instance-key=PT10S"
    })
@DirtiesContext // its own engine and database: stop them after this class
class ReadmeExamplesTest {

  /** Surefire runs with the module directory ({@code app/}) as working directory. */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static final Path README = REPO.resolve("README.md");

  static final String RUN_COMMAND = "mvn -pl app -am spring-boot:test-run";

  static final String TEST_COMMAND = "mvn -B verify";

  /** Where the README's examples send their requests. */
  static final String DOCUMENTED_ORIGIN = "http://127.0.0.1:8080";

  @DynamicPropertySource
  static void dataDirectory(final DynamicPropertyRegistry registry) throws IOException {
    // a fresh H2 database in file mode, as in the documented run, but not the developer's ./data
    final Path target = Files.createDirectories(Path.of("target"));
    final Path dataDir = Files.createTempDirectory(target.toAbsolutePath(), "readme-examples-");
    registry.add("fulfillment.data-dir", dataDir::toString);
  }

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theTwoCommandsAreInTheFirstScreen() throws IOException {
    final List<String> firstScreen = Files.readAllLines(README).stream().limit(40).toList();

    assertThat(firstScreen)
        .as("the first 40 lines of README.md")
        .contains(RUN_COMMAND, TEST_COMMAND);
  }

  @Test
  void theFirstOrderCompletesAsDocumented() throws Exception {
    final List<ShellItem> example = firstShellBlockWith("curl", "POST", "/api/orders");
    final int post =
        indexOf(example, cmd -> cmd.method().equals("POST") && cmd.url().endsWith("/api/orders"));
    final Curl place = (Curl) example.get(post);
    final String placeExpected = commentsAfter(example, post);
    final int get =
        indexOf(example, cmd -> cmd.method().equals("GET") && cmd.url().contains("<orderId>"));
    final Curl follow = (Curl) example.get(get);
    final String followExpected = commentsAfter(example, get);

    // what the README promises for the POST
    final Matcher status = Pattern.compile("^\\s*(\\d{3})\\b").matcher(placeExpected);
    assertThat(status.find())
        .as("the documented status of the POST in: %s", placeExpected)
        .isTrue();
    final Map<String, String> placeFields = documentedFields(placeExpected);
    assertThat(placeFields).containsKeys("orderId", "status", "processInstanceKey");
    assertThat(place.body()).as("the POST's -d body").isNotBlank();

    final HttpResponse<String> placed = send(place, Map.of());

    assertThat(placed.statusCode())
        .as("POST answer: %s", placed.body())
        .isEqualTo(Integer.parseInt(status.group(1)));
    final Map<String, Object> order = JsonParserFactory.getJsonParser().parseMap(placed.body());
    assertMatches(order, placeFields);
    assertThat(order.get("processInstanceKey")).asString().matches("[1-9]\\d*");
    final String orderId = (String) order.get("orderId");
    if (placeExpected.contains("Location: /api/orders/")) {
      assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + orderId);
    }

    // what the README promises for the GET, eventually (the carrier reports the delivery 3 s after
    // it is scheduled)
    final Map<String, String> followFields = documentedFields(followExpected);
    assertThat(followFields)
        .as("the documented answer of the GET")
        .containsEntry("status", "\"COMPLETED\"");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              final HttpResponse<String> got = send(follow, Map.of("<orderId>", orderId));
              assertThat(got.statusCode()).as("GET answer: %s", got.body()).isEqualTo(200);
              assertMatches(JsonParserFactory.getJsonParser().parseMap(got.body()), followFields);
            });
  }

  @Test
  void everyRelativeLinkInTheDocsResolves() throws IOException {
    final List<Path> files = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.walk(REPO.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    final List<String> broken = new ArrayList<>();
    int checked = 0;
    for (final Path file : files) {
      final List<String> lines = withoutCode(Files.readAllLines(file));
      for (int i = 0; i < lines.size(); i++) {
        for (final String target : linkTargets(lines.get(i))) {
          if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            continue; // http:, https:, mailto:
          }
          checked++;
          final int hash = target.indexOf('#');
          final String path = hash < 0 ? target : target.substring(0, hash);
          final String fragment = hash < 0 ? "" : target.substring(hash + 1);
          final Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
          final String where = REPO.relativize(file) + ":" + (i + 1) + ": " + target;
          if (!Files.exists(resolved)) {
            broken.add(where + " (no such file)");
          } else if (!fragment.isEmpty()
              && resolved.toString().endsWith(".md")
              && !headingAnchors(resolved).contains(fragment)) {
            broken.add(where + " (no such heading)");
          }
        }
      }
    }
    assertThat(checked).as("relative links found").isPositive();
    assertThat(broken).as("broken links in README.md and docs/").isEmpty();
  }

  // --- sending the README's curl commands

  HttpResponse<String> send(final Curl curl, final Map<String, String> placeholders)
      throws IOException, InterruptedException {
    assertThat(curl.url()).as("the example's URL").startsWith(DOCUMENTED_ORIGIN);
    String url = "http://127.0.0.1:" + port + curl.url().substring(DOCUMENTED_ORIGIN.length());
    for (final var placeholder : placeholders.entrySet()) {
      url = url.replace(placeholder.getKey(), placeholder.getValue());
    }
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    curl.headers().forEach(request::header);
    request.method(
        curl.method(),
        curl.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(curl.body(), StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Checks a JSON answer against the fields the README shows: {@code "name": "text"} exactly,
   * {@code "name": "prefix…"} a string with that start, {@code "name": …} present.
   */
  static void assertMatches(final Map<String, Object> json, final Map<String, String> documented) {
    documented.forEach(
        (field, value) -> {
          assertThat(json).as("answer %s", json).containsKey(field);
          assertThat(json.get(field)).as("field %s", field).isNotNull();
          if (value.startsWith("\"") && value.endsWith("…\"")) {
            assertThat(json.get(field))
                .asString()
                .startsWith(value.substring(1, value.length() - 2));
          } else if (value.startsWith("\"")) {
            assertThat(json.get(field))
                .asString()
                .isEqualTo(value.substring(1, value.length() - 1));
          }
        });
  }

  /** {@code "name": value} pairs of the JSON shown in an expected-output comment. */
  static Map<String, String> documentedFields(final String comment) {
    final Map<String, String> fields = new LinkedHashMap<>();
    final Matcher m = Pattern.compile("\"(\\w+)\":\\s*(\"[^\"]*\"|…|[^,}\\s]+)").matcher(comment);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }

  // --- reading the README's shell examples

  sealed interface ShellItem permits Curl, Comment, Other {}

  /** A curl command as written: method, URL, {@code -H} headers, {@code -d} body. */
  record Curl(
      List<String> words, String method, String url, Map<String, String> headers, String body)
      implements ShellItem {}

  record Comment(String text) implements ShellItem {}

  record Other(List<String> words) implements ShellItem {}

  static List<ShellItem> firstShellBlockWith(final String... needles) throws IOException {
    final List<String> lines = Files.readAllLines(README);
    StringBuilder block = null;
    for (final String line : lines) {
      if (line.strip().startsWith("```")) {
        if (block == null && line.strip().matches("```(sh|bash|shell)\\s*")) {
          block = new StringBuilder();
        } else if (block != null) {
          final String text = block.toString();
          if (Stream.of(needles).allMatch(text::contains)) {
            return parseShell(text);
          }
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    throw new AssertionError("README.md has no ```sh block containing " + List.of(needles));
  }

  static int indexOf(final List<ShellItem> items, final Predicate<Curl> test) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Curl curl && test.test(curl)) {
        return i;
      }
    }
    throw new AssertionError("no such curl command in the README's example: " + items);
  }

  /** The comment lines right after a command: its documented output. */
  static String commentsAfter(final List<ShellItem> items, final int index) {
    final StringBuilder text = new StringBuilder();
    for (int i = index + 1; i < items.size() && items.get(i) instanceof Comment comment; i++) {
      text.append(comment.text()).append('\n');
    }
    assertThat(text).as("the documented output after %s", items.get(index)).isNotEmpty();
    return text.toString();
  }

  /**
   * Splits shell text into commands and comments the way sh does for what the README uses: single
   * and double quotes, backslash escapes, backslash-newline continuations, {@code #} comments.
   */
  static List<ShellItem> parseShell(final String text) {
    final List<ShellItem> items = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < text.length()) {
      final char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (text.charAt(i + 1) != '\n') {
          word = word == null ? new StringBuilder() : word;
          word.append(text.charAt(i + 1));
        }
        i += 2;
      } else if (c == '\'') {
        final int end = text.indexOf('\'', i + 1);
        assertThat(end).as("closing quote in the README's example").isPositive();
        word = word == null ? new StringBuilder() : word;
        word.append(text, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        word = word == null ? new StringBuilder() : word;
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\'
              && i + 1 < text.length()
              && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
            if (text.charAt(i + 1) != '\n') {
              word.append(text.charAt(i + 1));
            }
            i += 2;
          } else {
            word.append(text.charAt(i++));
          }
        }
        i++;
      } else if (c == '#' && word == null) {
        final int end = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
        if (!words.isEmpty()) {
          items.add(command(words));
          words = new ArrayList<>();
        }
        items.add(new Comment(text.substring(i + 1, end).strip()));
        i = end;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        if (c == '\n' && !words.isEmpty()) {
          items.add(command(words));
          words = new ArrayList<>();
        }
        i++;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
        i++;
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      items.add(command(words));
    }
    return items;
  }

  static ShellItem command(final List<String> words) {
    if (!words.get(0).equals("curl")) {
      return new Other(List.copyOf(words));
    }
    String method = null;
    String url = null;
    String body = null;
    final Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      final String w = words.get(i);
      switch (w) {
        case "-X", "--request" -> method = words.get(++i);
        case "-H", "--header" -> {
          final String header = words.get(++i);
          final int colon = header.indexOf(':');
          headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        case "-d", "--data", "--data-raw", "--data-binary" -> body = words.get(++i);
        default -> {
          if (!w.startsWith("-")) {
            url = w;
          }
        }
      }
    }
    assertThat(url).as("URL of %s", words).isNotNull();
    method = method != null ? method : body != null ? "POST" : "GET";
    return new Curl(List.copyOf(words), method, url, headers, body);
  }

  // --- links

  static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");

  static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  static final Pattern REFERENCE_LINK = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*");

  static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

  /** The lines with fenced code blocks blanked and inline code removed (no links there). */
  static List<String> withoutCode(final List<String> lines) {
    final List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (final String line : lines) {
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
        out.add("");
      } else {
        out.add(fenced ? "" : line.replaceAll("`[^`]*`", ""));
      }
    }
    return out;
  }

  static List<String> linkTargets(final String line) {
    final List<String> targets = new ArrayList<>();
    final Matcher inline = INLINE_LINK.matcher(line);
    while (inline.find()) {
      targets.add(inline.group(1));
    }
    final Matcher reference = REFERENCE_LINK.matcher(line);
    if (reference.matches()) {
      targets.add(reference.group(1));
    }
    return targets;
  }

  /** The anchors GitHub generates for a file's headings. */
  static Set<String> headingAnchors(final Path file) {
    final Set<String> anchors = new HashSet<>();
    final Map<String, Integer> seen = new HashMap<>();
    try {
      boolean fenced = false;
      for (final String line : Files.readAllLines(file)) {
        if (FENCE.matcher(line).matches()) {
          fenced = !fenced;
          continue;
        }
        final Matcher heading = HEADING.matcher(line);
        if (!fenced && heading.matches()) {
          final String slug = slug(heading.group(2));
          final int n = seen.merge(slug, 1, Integer::sum) - 1;
          anchors.add(n == 0 ? slug : slug + "-" + n);
        }
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return anchors;
  }

  static String slug(final String heading) {
    final String text =
        heading
            .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replace("`", "")
            .strip()
            .toLowerCase(Locale.ROOT);
    final StringBuilder slug = new StringBuilder();
    text.codePoints()
        .filter(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_')
        .forEach(c -> slug.appendCodePoint(c == ' ' ? '-' : c));
    return slug.toString();
  }
}
