package com.example.fulfillment.app.web;

/** Checks for text that the app stores, logs and hands to the engine. */
public final class SafeText {

  private SafeText() {}

  /**
   * True if {@code s} has no control characters (C0, DEL, C1) and is well-formed UTF-16 (no
   * unpaired surrogate, which PostgreSQL could not store as UTF-8).
   */
  public static boolean isPrintable(final String s) {
    for (int i = 0; i < s.length(); i++) {
      final char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
