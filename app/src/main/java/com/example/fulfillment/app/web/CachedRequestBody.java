package com.example.fulfillment.app.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The body of an API write as {@link BodySizeLimitFilter} read it (at most the limit), for a check
 * that needs the raw bytes before the handler reads them again, such as a webhook signature.
 */
public final class CachedRequestBody {

  static final String ATTRIBUTE = CachedRequestBody.class.getName();

  private CachedRequestBody() {}

  /**
   * @return the raw body; empty when the request has none that was read (GET, or not under /api)
   */
  public static byte[] of(final HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof byte[] body ? body : new byte[0];
  }
}
