package com.example.fulfillment.app.engine;

import java.util.Arrays;
import java.util.Locale;

/** Where the process engine runs: chosen by {@code fulfillment.engine.mode}, never by code. */
public enum EngineMode {
  /** An in-process Zeebe engine started by the app on the loopback interface (the default). */
  EMBEDDED,
  /** A Camunda 8 cluster (self-managed or SaaS) reached through {@code camunda.client.*}. */
  REMOTE;

  static EngineMode parse(final String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fulfillment.engine.mode must be one of "
              + Arrays.toString(values()).toLowerCase(Locale.ROOT)
              + ", was '"
              + value
              + "'",
          e);
    }
  }
}
