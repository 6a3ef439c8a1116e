package com.example.fulfillment.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.app.models.ProcessVersions;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.ModelUpload;
import com.example.fulfillment.app.support.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitor page in a real browser (headless Chromium through chromedriver, Debian's packages):
 * the whole app on the embedded engine (free ports, 127.0.0.1), orders placed through the API and
 * one from the page, then the live counts on the diagram, an order's highlighted path, the incident
 * list and its Retry button, which resumes a {@code tok_outage} order; the versions of a process
 * after a second one was deployed. In this default run (loopback, built-in keys) the page opens
 * with the diagram and no key dialog; a second app with keys of its own shows that the page then
 * asks for the key. Skipped, with the reason, where Chromium or chromedriver is not installed
 * ({@code apt-get install chromium chromium-driver}; other locations: {@code CHROME_BIN}, {@code
 * CHROMEDRIVER}).
 *
 * <p>Screenshots go to {@code app/target/monitor-screenshots/}; with {@code
 * -Dmonitor.screenshots=docs/screenshots} (relative to the repository root) also there, which is
 * how the pictures in docs/ are made.
 */
@Timeout(120)
@ExtendWith(MonitorBrowserTest.BrowserInstalled.class)
class MonitorBrowserTest {

  /** Skips the class, with the reason in the report, where Chromium or chromedriver is missing. */
  static class BrowserInstalled implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
      if (!Files.isExecutable(CHROME)) {
        return ConditionEvaluationResult.disabled(
            "Chromium not found at "
                + CHROME
                + " (apt-get install chromium, or set CHROME_BIN): browser test skipped");
      }
      if (!Files.isExecutable(DRIVER)) {
        return ConditionEvaluationResult.disabled(
            "chromedriver not found at "
                + DRIVER
                + " (apt-get install chromium-driver, or set CHROMEDRIVER): browser test skipped");
      }
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
  }

  private static final Path CHROME = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningApp app;
  private static ChromeDriverService service;
  private static WebDriver browser;
  private static Path profile;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    final Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("fulfillment.sandbox.carrier.delivery-delay", "PT1S");
    properties.put("fulfillment.workers.retry-backoff.initial", "PT0.2S");
    properties.put("fulfillment.workers.retry-backoff.max", "PT0.5S");
    app = RunningApp.start("", properties);
    base =
        "http://127.0.0.1:"
            + app.bean(org.springframework.core.env.Environment.class)
                .getProperty("local.server.port");

    profile = Files.createTempDirectory("monitor-chromium-");
    final ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1440,1200",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        "--hide-scrollbars");
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (app != null) {
      app.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void overviewOrderPathIncidentsAndRetryInARealBrowser() throws Exception {
    final String happy = app.placeAccepted("tok_ok", "SKU-1", 2);
    final String happy2 = app.placeAccepted("tok_ok", "SKU-2", 1);
    final String declined = app.placeAccepted("tok_declined", "SKU-3", 1);
    final String outOfStock = app.placeAccepted("tok_ok", "SKU-OUT", 1);
    final String outage = app.placeAccepted("tok_outage", "SKU-4", 1);
    final String confirm = app.placeAccepted("tok_confirm", "SKU-7", 1);

    // the default run (loopback, built-in keys), nothing stored: the diagram at once, no dialog
    browser.get(base + "/");
    until(d -> overviewDiagramShows("ChargePayment"));
    assertThat(browser.getCurrentUrl()).endsWith("/monitor/");
    assertThat(js("return document.getElementById('key-dialog').open")).isEqualTo(false);
    assertThat(text(By.id("key-note")))
        .startsWith("Using the local development key (loopback only)");
    assertThat(js("return sessionStorage.getItem('fulfillment.monitor.apiKey')"))
        .isEqualTo(ApiTestConfiguration.API_KEY);
    assertThat(
            js(
                "return document.querySelectorAll('#overview-diagram .djs-container svg g.djs-shape').length"))
        .asString()
        .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThan(10));
    screenshot("monitor-first-open");

    // a demo order from the page
    browser.findElement(By.cssSelector("[data-demo='happy']")).click();
    final String fromPage = until(d -> attribute(By.id("demo-result"), "data-last-order"));
    assertThat(fromPage).startsWith("ord_");

    // live counts on the overview's diagram
    until(
        d ->
            count("CompleteOrder", "completed") >= 3
                && count("ChargePayment", "incidents") == 1
                && count("ReserveStock", "compensated") >= 1
                && count("ChargePayment", "terminated") >= 1
                && count("AwaitPaymentConfirmation", "active") == 1);
    assertThat(text(By.id("overview-summary"))).contains("1 open incident");
    assertThat(text(By.id("nav-incidents"))).isEqualTo("1");
    screenshot("monitor-overview");

    // the orders list, filtered, and one order's path
    browser.get(base + "/monitor/#/orders?status=REJECTED");
    until(d -> rows("#orders-body tr[data-order-id]").size() == 2);
    assertThat(rows("#orders-body tr[data-order-id]"))
        .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("REJECTED"));
    assertThat(text(By.id("orders-body"))).contains(declined, outOfStock).doesNotContain(happy);
    browser.findElement(By.linkText(declined)).click();
    until(
        d ->
            "REJECTED".equals(attribute(By.id("view-order"), "data-status"))
                && marked("RejectOrder", "fm-completed"));
    assertThat(marked("ReserveStock", "fm-compensated")).as("stock released").isTrue();
    assertThat(marked("ReleaseLine", "fm-completed")).as("compensation handler ran").isTrue();
    assertThat(marked("ChargePayment", "fm-terminated"))
        .as("declined: interrupted by the error")
        .isTrue();
    assertThat(marked("ValidateOrder", "fm-completed")).isTrue();
    assertThat(marked("CompleteOrder", "fm-completed")).isFalse();
    assertThat(marked("RefundPayment", "fm-completed")).as("nothing was charged").isFalse();
    assertThat(
            js(
                "return document.querySelectorAll('#order-diagram .djs-connection.fm-taken').length"))
        .asString()
        .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThan(10));
    assertThat(text(By.id("order-outcome"))).contains("PAYMENT_DECLINED");
    assertThat(text(By.id("order-variables"))).contains("rejectionReason", "\"PAYMENT_DECLINED\"");
    assertThat(rows("#order-timeline tr[data-kind='ELEMENT_COMPLETED']")).hasSizeGreaterThan(10);
    screenshot("monitor-order");

    // the waiting order: here now at the event-based gateway, confirm from the page
    browser.get(base + "/monitor/#/orders/" + confirm);
    until(d -> marked("AwaitPaymentConfirmation", "fm-active"));
    browser.findElement(By.id("order-confirm")).click();
    until(d -> marked("CapturePayment", "fm-completed"));

    // the incident: red on the diagram with its message, listed, retried from the page
    browser.get(base + "/monitor/#/orders/" + outage);
    until(d -> marked("ChargePayment", "fm-incident"));
    assertThat(text(By.cssSelector(".fm-incident-note[data-element-id='ChargePayment']")))
        .contains("JOB_NO_RETRIES", "payment provider unavailable");
    browser.findElement(By.cssSelector("a[data-nav='incidents']")).click();
    final By retry = By.cssSelector("#incidents-body tr[data-order-id='" + outage + "'] button");
    until(d -> visible(retry));
    assertThat(text(By.id("incidents-body"))).contains("Charge payment", "JOB_NO_RETRIES");
    until(
        d ->
            Boolean.TRUE.equals(
                js(
                    "return !!document.querySelector("
                        + "\"#incidents-diagram g.djs-element.fm-incident[data-element-id='ChargePayment']\")")));
    screenshot("monitor-incidents");
    until(
        d -> { // keyboard works as well as a click (the row may be re-rendered meanwhile: retried)
          browser.findElement(retry).sendKeys(Keys.ENTER);
          return true;
        });
    until(d -> text(By.id("incidents-summary")).equals("No open incidents."));
    browser.get(base + "/monitor/#/orders/" + outage);
    until(
        d ->
            "COMPLETED".equals(attribute(By.id("view-order"), "data-status"))
                && marked("CompleteOrder", "fm-completed"));
    assertThat(marked("ChargePayment", "fm-incident")).isFalse();
    assertThat(marked("ChargePayment", "fm-completed")).isTrue();
    assertThat(text(By.id("order-timeline"))).contains("Incident resolved");

    // the other orders ended too, and nothing broke the Content-Security-Policy
    for (String orderId : List.of(happy, happy2, fromPage, confirm)) {
      until(
          d -> app.get("/api/orders/" + orderId).json().get("status").asText().equals("COMPLETED"));
    }
    assertThat(js("return window.fmMonitor.cspViolations")).asList().isEmpty();
    assertThat(js("return document.querySelector('.bjs-powered-by') !== null")).isEqualTo(true);

    // keyboard: on a fresh page the first Tab reaches the skip link; every button has a name
    browser.get(base + "/monitor/");
    until(d -> visible(By.id("overview-title")));
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
    assertThat(
            js(
                "return [...document.querySelectorAll('button')].filter(b =>"
                    + " !(b.getAttribute('aria-label') || b.textContent.trim())).length"))
        .isEqualTo(0L);
  }

  /**
   * A second version of order-fulfillment deployed while an order waits on the first: the overview
   * shows both versions of the process on screen, each with its active instances, the latest marked
   * ({@code GET /api/processes}, polled with the counts). The orders are confirmed at the end, so
   * no other test sees them waiting.
   */
  @Test
  void theVersionsOfTheProcessOnScreenWithTheirActiveInstances() throws Exception {
    final ProcessVersions versions = app.bean(ProcessVersions.class);
    final int before = versions.latest("order-fulfillment").orElseThrow().version();
    final String onOld = app.placeAccepted("tok_confirm", "SKU-5", 1);
    awaitWaiting(versions, onOld);
    final RunningApp.Response deployed =
        app.deploy(
            ModelUpload.Part.resource(
                "order-fulfillment.bpmn", ModelUpload.newerOrderFulfillment("3")));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    final int latest = deployed.json().at("/processes/0/version").asInt();
    assertThat(latest).isEqualTo(before + 1);
    final String onNew = app.placeAccepted("tok_confirm", "SKU-6", 1);
    awaitWaiting(versions, onNew);

    browser.get(base + "/monitor/");
    until(d -> overviewDiagramShows("ChargePayment"));
    assertThat(js("return document.body.dataset.overviewProcess")).isEqualTo("order-fulfillment");
    final By newest = By.cssSelector("#overview-versions-list li.latest");
    until(d -> text(newest).equals("v" + latest + " (tag 3) · 1 active (latest)"));
    assertThat(text(By.cssSelector("#overview-versions-list li[data-version='" + before + "']")))
        .isEqualTo("v" + before + " (tag 2) · 1 active");
    assertThat(rows("#overview-versions-list li")).hasSize(2);
    screenshot("monitor-versions");

    for (String orderId : List.of(onOld, onNew)) {
      app.postJson("/api/admin/sandbox/orders/" + orderId + "/payment-confirmation", "");
    }
    for (String orderId : List.of(onOld, onNew)) {
      until(
          d -> app.get("/api/orders/" + orderId).json().get("status").asText().equals("COMPLETED"));
    }
    until(d -> text(newest).equals("v" + latest + " (tag 3) · 0 active (latest)"));
    assertThat(js("return window.fmMonitor.cspViolations")).asList().isEmpty();
  }

  /** Until the order's instance waits for the payment confirmation. */
  private static void awaitWaiting(final ProcessVersions versions, final String orderId) {
    until(
        d -> {
          final var key = app.get("/api/orders/" + orderId).json().path("processInstanceKey");
          return key.isNumber()
              && versions.activeInstance(key.asLong()).stream()
                  .flatMap(i -> i.elements().stream())
                  .anyMatch(e -> e.elementId().equals("AwaitPaymentConfirmation"));
        });
  }

  @Test
  void withKeysOfYourOwnThePageAsksForTheKey() throws Exception {
    final Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("fulfillment.security.api-key", "browser-test-own-key");
    properties.put("fulfillment.security.read-only-api-key", "browser-test-own-read-key");
    try (RunningApp own = RunningApp.start("", properties)) {
      final String ownBase =
          "http://127.0.0.1:"
              + own.bean(org.springframework.core.env.Environment.class)
                  .getProperty("local.server.port");
      browser.get(ownBase + "/monitor/");
      final WebElement keyInput = until(d -> visible(By.id("key-input")));
      assertThat(browser.switchTo().activeElement()).isEqualTo(keyInput);
      assertThat(keyInput.getAttribute("value")).isEmpty();
      assertThat(browser.findElement(By.id("key-note")).isDisplayed()).isFalse();
      assertThat(overviewDiagramShows("ChargePayment")).as("no data without a key").isFalse();

      keyInput.sendKeys("browser-test-own-read-key", Keys.ENTER);
      until(d -> !browser.findElement(By.id("key-dialog")).isDisplayed());
      until(d -> overviewDiagramShows("ChargePayment"));
      assertThat(browser.findElement(By.id("key-note")).isDisplayed()).isFalse();
      assertThat(js("return window.fmMonitor.cspViolations")).asList().isEmpty();
    }
  }

  /* ---------- helpers ---------- */

  /** Whether the overview's diagram (bpmn-js) has drawn the element. */
  private static boolean overviewDiagramShows(final String elementId) {
    return Boolean.TRUE.equals(
        js(
            "return !!document.querySelector(\"#overview-diagram .djs-container svg"
                + " g.djs-element[data-element-id='"
                + elementId
                + "']\")"));
  }

  private static <T> T until(final Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, WAIT, Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        // the live list re-renders rows: a button can be between two renders for a moment
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .withMessage(
            () ->
                "page at "
                    + browser.getCurrentUrl()
                    + " shows:\n"
                    + js(
                        "const t = document.querySelector('#overview-table table'); return (t ? t.innerText + '\\n' : '')"
                            + " + document.querySelector('main').innerText.slice(0, 1500)"))
        .until(
            d -> {
              final T value = condition.apply(d);
              return value instanceof Boolean b && !b ? null : value;
            });
  }

  private static WebElement visible(final By by) {
    final WebElement element = browser.findElement(by);
    return element.isDisplayed() ? element : null;
  }

  private static String attribute(final By by, final String name) {
    return browser.findElement(by).getAttribute(name);
  }

  private static String text(final By by) {
    return browser.findElement(by).getText();
  }

  private static List<WebElement> rows(final String css) {
    return new ArrayList<>(browser.findElements(By.cssSelector(css)));
  }

  private static Object js(final String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /** The count badge of a kind on an element of the overview's diagram (0 when none). */
  private static long count(final String elementId, final String kind) {
    final Object n =
        js(
            "const b = document.querySelector(`#overview-diagram .fm-counts[data-element-id='"
                + elementId
                + "'] .fm-count-"
                + kind
                + "`); return b ? Number(b.textContent) : 0;");
    return ((Number) n).longValue();
  }

  /** Whether the element's shape on the order's diagram carries the marker class. */
  private static boolean marked(final String elementId, final String marker) {
    return Boolean.TRUE.equals(
        js(
            "const g = document.querySelector(`#order-diagram"
                + " g.djs-element[data-element-id='"
                + elementId
                + "']`); return !!g && g.classList.contains('"
                + marker
                + "');"));
  }

  private static void screenshot(final String name) throws IOException, InterruptedException {
    js(
        "document.activeElement && document.activeElement.blur();"
            + " document.getElementById('toast').classList.remove('show')");
    Thread.sleep(300); // the toast fades out
    final byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    final Path target = Path.of("target", "monitor-screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), png);
    final String docs = System.getProperty("monitor.screenshots");
    if (docs != null && !docs.isBlank()) {
      Path dir = Path.of(docs);
      if (!dir.isAbsolute()) {
        dir = Path.of("").toAbsolutePath().getParent().resolve(docs); // repository root = app/..
      }
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
    }
  }

  private static String env(final String name, final String fallback) {
    final String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
