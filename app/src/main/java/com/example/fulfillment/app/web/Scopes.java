package com.example.fulfillment.app.web;

/**
 * The API's authorities: what an API key, an HTTP basic user, a JWT's {@code scope}/{@code scp}
 * claim or a webhook signature grants. Plain names (no {@code SCOPE_}/{@code ROLE_} prefix) so that
 * every way in is checked by the same rules.
 */
public final class Scopes {

  /** Place and cancel orders. */
  public static final String ORDERS_WRITE = "orders:write";

  /** Read orders, timelines, the monitor's data, metrics. */
  public static final String ORDERS_READ = "orders:read";

  /** Operators: dead letters, incident retry, the sandbox controls. */
  public static final String ADMIN = "admin";

  /** Partners: {@code POST /api/events}, and nothing else. */
  public static final String EVENTS_PUBLISH = "events:publish";

  private Scopes() {}
}
