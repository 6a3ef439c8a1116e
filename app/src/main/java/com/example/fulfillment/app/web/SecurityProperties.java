package com.example.fulfillment.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials of the API ({@code fulfillment.security.*}). The defaults are for a local run only:
 * set your own (e.g. {@code FULFILLMENT_SECURITY_API_KEY}) anywhere else.
 *
 * @param apiKey full access: header {@code X-API-Key}, or HTTP basic user {@code api} with this
 *     password
 * @param readOnlyApiKey read access (GET) only: header {@code X-API-Key}, or HTTP basic user {@code
 *     reader} with this password
 */
@ConfigurationProperties("fulfillment.security")
public record SecurityProperties(
    @DefaultValue(SecurityProperties.DEFAULT_API_KEY) String apiKey,
    @DefaultValue(SecurityProperties.DEFAULT_READ_ONLY_API_KEY) String readOnlyApiKey) {

  public static final String API_KEY_HEADER = "X-API-Key";

  /**
   * Built-in keys, published with the code: refused beyond loopback ({@link
   * ExposedDefaultKeyCheck}).
   */
  static final String DEFAULT_API_KEY = "local-dev-key";

  static final String DEFAULT_READ_ONLY_API_KEY = "local-read-key";
}
