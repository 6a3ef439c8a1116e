package com.example.fulfillment.app.web;

import java.util.UUID;
import org.slf4j.MDC;

/** The id that ties a request to its logs and to the process it starts. */
public final class CorrelationId {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "correlationId";

  private CorrelationId() {}

  /** The current request's correlation id, or a fresh one outside a request. */
  public static String current() {
    final String id = MDC.get(MDC_KEY);
    return id != null ? id : UUID.randomUUID().toString();
  }
}
