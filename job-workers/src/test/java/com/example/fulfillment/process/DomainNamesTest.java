package com.example.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.payment.PaymentStatus;
import com.example.fulfillment.testing.Constants;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The domain's enums spell the contract's values the same way. */
class DomainNamesTest {

  @Test
  void outcomesAndRejectionReasonsMatchTheContract() {
    assertThat(names(Outcome.values())).isEqualTo(Constants.of(ProcessConstants.Outcomes.class));
    assertThat(names(RejectionReason.values()))
        .isEqualTo(Constants.of(ProcessConstants.RejectionReasons.class));
    assertThat(names(PaymentStatus.values()))
        .containsAll(Constants.of(ProcessConstants.PaymentStatuses.class));
  }

  private static Set<String> names(final Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }
}
