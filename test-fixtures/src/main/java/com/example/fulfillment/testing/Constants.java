package com.example.fulfillment.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of a holder class's {@code static String} constants (e.g. ProcessConstants.JobTypes).
 */
public final class Constants {

  private Constants() {}

  public static Set<String> of(final Class<?> holder) {
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
