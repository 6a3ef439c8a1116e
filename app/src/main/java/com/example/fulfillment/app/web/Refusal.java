package com.example.fulfillment.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused request answered with its problem document: Spring Security's hooks for "who are you?"
 * (401), "these credentials are wrong" (401) and "not you" (403) alike.
 *
 * @param detail what the client should do
 * @param challenges the {@code WWW-Authenticate} values of a 401 (RFC 9110)
 * @param explainFailures true: a failed authentication's message follows the detail (only where the
 *     messages are written for the client, e.g. the webhook signature check; never a key)
 */
public record Refusal(
    ApiJson json, ProblemType type, String detail, List<String> challenges, boolean explainFailures)
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  public Refusal {
    challenges = List.copyOf(challenges);
  }

  @Override
  public void commence(
      final HttpServletRequest request,
      final HttpServletResponse response,
      final AuthenticationException e)
      throws IOException {
    write(response, detail);
  }

  @Override
  public void onAuthenticationFailure(
      final HttpServletRequest request,
      final HttpServletResponse response,
      final AuthenticationException e)
      throws IOException {
    write(response, explainFailures && e.getMessage() != null ? e.getMessage() : detail);
  }

  @Override
  public void handle(
      final HttpServletRequest request,
      final HttpServletResponse response,
      final AccessDeniedException e)
      throws IOException {
    write(response, detail);
  }

  private void write(final HttpServletResponse response, final String text) throws IOException {
    // built per request: the problem carries the request's correlation id
    final ProblemDetail problem = type.problem(text);
    // a 401 names the schemes that would do; a 403 has nothing to offer
    if (problem.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      challenges.forEach(c -> response.addHeader("WWW-Authenticate", c));
    }
    json.write(response, problem);
  }
}
