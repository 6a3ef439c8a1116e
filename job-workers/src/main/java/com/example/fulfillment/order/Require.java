package com.example.fulfillment.order;

/** Argument checks for the command records. */
final class Require {

  private Require() {}

  static String text(final String value, final String name, final int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    final String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
    }
    return trimmed;
  }
}
