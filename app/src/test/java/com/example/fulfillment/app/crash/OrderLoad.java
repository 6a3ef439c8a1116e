package com.example.fulfillment.app.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places {@code total} mixed orders through the API at a steady pace, as a careful client does:
 * each order has its own {@code Idempotency-Key} and is sent again with the same key until the API
 * accepts it (202) or refuses it for good (4xx) — through 503s and through an app that is gone (no
 * answer). Mixed: happy, multi-line, declined, flaky payments and out-of-stock lines.
 */
final class OrderLoad implements AutoCloseable {

  private static final List<String> SKUS =
      List.of("SKU-1", "SKU-2", "SKU-3", "SKU-5", "SKU-9", "SKU-11", "SKU-14", "SKU-18");
  private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration PACE = Duration.ofMillis(40);
  private static final Duration RESEND_AFTER = Duration.ofMillis(500);
  private static final int MAX_ATTEMPTS_PER_ORDER = 400;

  private final RemoteSetup setup;
  private final int total;
  private final String prefix;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService senders = Executors.newFixedThreadPool(8);
  private final Semaphore slots = new Semaphore(8);
  private final AtomicInteger next = new AtomicInteger();
  private final Map<Integer, String> accepted = new ConcurrentSkipListMap<>();
  private final Set<Integer> givenUp = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> answers = new ConcurrentSkipListMap<>();

  OrderLoad(final RemoteSetup setup, final String prefix, final int total) {
    this.setup = setup;
    this.prefix = prefix;
    this.total = total;
  }

  void start() {
    ticker.scheduleAtFixedRate(this::tick, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    if (next.get() >= total || !slots.tryAcquire()) {
      return;
    }
    final int n = next.getAndIncrement();
    if (n >= total) {
      slots.release();
      return;
    }
    senders.execute(
        () -> {
          try {
            place(n);
          } finally {
            slots.release();
          }
        });
  }

  private void place(final int n) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS_PER_ORDER; attempt++) {
      final RemoteSetup.Answer answer = setup.postOrder(prefix + "-" + n, body(n));
      answers.merge(
          answer.statusCode() == -1 ? "no answer" : "HTTP " + answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() == 202 || answer.statusCode() == 200) {
        final Matcher m = ORDER_ID.matcher(answer.body());
        if (m.find()) {
          accepted.put(n, m.group(1));
          return;
        }
      }
      if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
        givenUp.add(n);
        return;
      }
      try {
        // A client's pause before it sends the same order again (not a wait for the engine).
        TimeUnit.MILLISECONDS.sleep(RESEND_AFTER.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    givenUp.add(n);
  }

  /**
   * One or two catalog lines; every fifth order also wants one of the 3 SKU-LOW units, every
   * eleventh the sold-out SKU-OUT; payment tokens: 1 in 8 declined, 1 in 6 flaky, else ok.
   */
  private static String body(final int n) {
    final StringBuilder items = new StringBuilder();
    final int first = n % SKUS.size();
    items.append(item(SKUS.get(first), 1 + n % 3));
    if (n % 2 == 0) {
      final int second = (first + 1 + (n / 2) % (SKUS.size() - 1)) % SKUS.size();
      items.append(',').append(item(SKUS.get(second), 1));
    }
    if (n % 5 == 0) {
      items.append(',').append(item("SKU-LOW", 1));
    }
    if (n % 11 == 0) {
      items.append(',').append(item("SKU-OUT", 1));
    }
    final String token = n % 8 == 3 ? "tok_declined" : n % 6 == 1 ? "tok_flaky" : "tok_ok";
    return "{\"customerId\":\"c-crash-"
        + (n % 17)
        + "\",\"items\":["
        + items
        + "],"
        + "\"paymentToken\":\""
        + token
        + "\",\"shippingAddress\":{\"name\":\"Erika Mustermann\","
        + "\"street\":\"Heidestr. 17\",\"city\":\"Koeln\",\"postalCode\":\"51147\","
        + "\"country\":\"DE\"}}";
  }

  private static String item(final String sku, final int quantity) {
    return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
  }

  /** Order ids the API accepted so far. */
  List<String> accepted() {
    return List.copyOf(accepted.values());
  }

  /** Every order was either accepted or refused for good. */
  boolean done() {
    return accepted.size() + givenUp.size() >= total;
  }

  Set<Integer> givenUp() {
    return Set.copyOf(givenUp);
  }

  /** Every answer the API gave, by status ("no answer": connection refused or reset). */
  Map<String, Integer> answers() {
    return Map.copyOf(answers);
  }

  @Override
  public void close() throws InterruptedException {
    ticker.shutdownNow();
    senders.shutdownNow();
    senders.awaitTermination(30, TimeUnit.SECONDS);
  }
}
