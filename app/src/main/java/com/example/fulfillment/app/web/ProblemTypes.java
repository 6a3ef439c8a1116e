package com.example.fulfillment.app.web;

import java.net.URI;

/** Stable {@code type} URIs of the API's problem responses (RFC 9457). */
public final class ProblemTypes {

  private static final String BASE = "https://fulfillment.example.com/problems/";

  public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
  public static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");
  public static final URI BODY_TOO_LARGE = URI.create(BASE + "body-too-large");
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
  public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
  public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");
  public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
  public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
  public static final URI ORDER_NOT_FOUND = URI.create(BASE + "order-not-found");
  public static final URI UNKNOWN_SKU = URI.create(BASE + "unknown-sku");
  public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
  public static final URI ORDER_ID_CONFLICT = URI.create(BASE + "order-id-conflict");
  public static final URI ORDER_NOT_CANCELLABLE = URI.create(BASE + "order-not-cancellable");
  public static final URI INVALID_EVENT = URI.create(BASE + "invalid-event");
  public static final URI UNKNOWN_EVENT_ORDER = URI.create(BASE + "unknown-order");
  public static final URI ENGINE_UNAVAILABLE = URI.create(BASE + "engine-unavailable");
  public static final URI OVERLOADED = URI.create(BASE + "overloaded");
  public static final URI DEAD_LETTER_NOT_FOUND = URI.create(BASE + "dead-letter-not-found");
  public static final URI EVENT_BROKER_UNAVAILABLE = URI.create(BASE + "event-broker-unavailable");
  public static final URI INTERNAL = URI.create(BASE + "internal-error");

  private ProblemTypes() {}
}
