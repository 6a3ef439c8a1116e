package com.example.fulfillment.app.events.rabbit;

/**
 * Message headers the inbound consumer keeps on a message while it retries it and when it
 * dead-letters it (docs/events.md, "Dead letters").
 */
public final class InboundHeaders {

  /** Deliveries so far, counting this one (1 on the first). */
  public static final String ATTEMPT = "x-attempt";

  /** When the app first saw the message (ISO-8601): the unknown-order TTL counts from here. */
  public static final String FIRST_RECEIVED_AT = "x-first-received-at";

  /** The routing key it was first published with (the retry and DLQ hops change it). */
  public static final String ORIGINAL_ROUTING_KEY = "x-original-routing-key";

  public static final String ORIGINAL_EXCHANGE = "x-original-exchange";

  /** Why the last attempt failed. */
  public static final String LAST_ERROR = "x-last-error";

  /** The dead letter's id (re-drive by it). */
  public static final String DLQ_ID = "x-dlq-id";

  /** Why it was dead-lettered, for people. */
  public static final String DLQ_REASON = "x-dlq-reason";

  /** {@code invalid-event}, {@code unknown-order} or {@code retries-exhausted}. */
  public static final String DLQ_CATEGORY = "x-dlq-category";

  public static final String DLQ_AT = "x-dlq-at";

  /** How often an operator re-drove it. */
  public static final String REDRIVE_COUNT = "x-redrive-count";

  /** The broker's dead-lettering history; not carried over when the app republishes. */
  static final String X_DEATH = "x-death";

  private InboundHeaders() {}
}
