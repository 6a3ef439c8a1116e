package com.example.fulfillment.app.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP to an app serving on a loopback port, for the tests that run it outside MockMvc: every
 * request carries the local API key and has 30 s to be answered.
 */
public final class AppHttp {

  private final HttpClient http;
  private final URI base;

  public AppHttp(final int port, final Duration connectTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** A request to {@code path} (absolute, with the query if any). */
  public HttpRequest.Builder to(final String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  /** Sends it; an interrupt is kept (the thread's flag) and ends in an InterruptedIOException. */
  public HttpResponse<String> send(final HttpRequest.Builder request) throws IOException {
    try {
      return http.send(
          request
              .timeout(Duration.ofSeconds(30))
              .header("X-API-Key", ApiTestConfiguration.API_KEY)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + base);
    }
  }
}
