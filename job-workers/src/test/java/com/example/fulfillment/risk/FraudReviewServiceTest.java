package com.example.fulfillment.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.common.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FraudReviewServiceTest {

  private final Map<String, String> stored = new HashMap<>();
  private final FraudReviews reviews =
      new FraudReviews() {
        @Override
        public Optional<String> findOutcome(final String orderId) {
          return Optional.ofNullable(stored.get(orderId));
        }

        @Override
        public void insert(
            final String orderId, final String outcome, final String reason, final Instant now) {
          stored.put(orderId, outcome);
        }
      };
  private final Transactions tx =
      new Transactions() {
        @Override
        public <T> T inTransaction(final Supplier<T> work) {
          return work.get();
        }
      };
  private final FraudReviewService service =
      new FraudReviewService(
          reviews, tx, Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest(name = "{0} risk, total {1}, {2} previous orders → {3}")
  @CsvSource({
    "MEDIUM, 1500,   3, LOW",
    "MEDIUM,  500,   0, LOW",
    "MEDIUM,  500.01, 0, HIGH",
    "LOW,    9000,   0, LOW",
    "HIGH,     10,   9, HIGH"
  })
  void clearsKnownCustomersAndSmallFirstOrders(
      final String risk, final BigDecimal total, final int previous, final String expected) {
    assertThat(service.review("ord-1", risk, total, previous)).isEqualTo(expected);
    assertThat(stored).hasSize("MEDIUM".equals(risk) ? 1 : 0);
  }

  @Test
  void answersTheFirstOutcomeAgain() {
    assertThat(service.review("ord-2", "MEDIUM", new BigDecimal("900"), 0)).isEqualTo("HIGH");
    assertThat(service.review("ord-2", "MEDIUM", new BigDecimal("100"), 5)).isEqualTo("HIGH");
  }
}
