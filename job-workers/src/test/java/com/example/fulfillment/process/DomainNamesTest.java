package com.example.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.order.Outcome;
import com.example.fulfillment.order.RejectionReason;
import com.example.fulfillment.payment.PaymentStatus;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The domain's enums spell the contract's values the same way. */
class DomainNamesTest {

  @Test
  void outcomesAndRejectionReasonsMatchTheContract() {
    assertThat(names(Outcome.values())).isEqualTo(constants(ProcessConstants.Outcomes.class));
    assertThat(names(RejectionReason.values()))
        .isEqualTo(constants(ProcessConstants.RejectionReasons.class));
    assertThat(names(PaymentStatus.values()))
        .containsAll(constants(ProcessConstants.PaymentStatuses.class));
  }

  private static Set<String> names(final Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> constants(final Class<?> holder) {
    final Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
