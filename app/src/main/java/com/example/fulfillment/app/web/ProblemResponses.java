package com.example.fulfillment.app.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;

/**
 * The problem answers many operations share, for the OpenAPI description: put one on a handler
 * method (or on a controller, for all of its methods) instead of repeating its {@link ApiResponse}.
 * springdoc finds {@code @ApiResponse} as a meta-annotation next to the operation's own {@code
 * responses} ({@code OpenApiDocumentTest} checks it does); the document lists every operation's
 * responses in status order, wherever they are declared.
 */
public final class ProblemResponses {

  /** The media type of every problem document (RFC 9457). */
  public static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private ProblemResponses() {}

  /** 400: invalid request (fields or parameters); {@code description} says which. */
  @ApiResponse(
      responseCode = "400",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              examples = @ExampleObject(value = ApiExamples.PROBLEM_INVALID)))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface InvalidRequest {
    @AliasFor(annotation = ApiResponse.class)
    String description() default "";
  }

  /** 401: no or wrong credentials. */
  @ApiResponse(
      responseCode = "401",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              examples = @ExampleObject(value = ApiExamples.PROBLEM_UNAUTHORIZED)))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Unauthorized {
    @AliasFor(annotation = ApiResponse.class)
    String description() default "";
  }

  /** 403: read-only credentials where the full-access key is needed. */
  @ApiResponse(
      responseCode = "403",
      description = "Read-only credentials",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              examples = @ExampleObject(value = ApiExamples.PROBLEM_FORBIDDEN)))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Forbidden {}

  /**
   * 415: the request body is not in a media type the operation takes; {@code description} says
   * which it takes.
   */
  @ApiResponse(responseCode = "415", content = @Content(mediaType = PROBLEM_JSON))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface UnsupportedMediaType {
    @AliasFor(annotation = ApiResponse.class)
    String description() default "";
  }

  /** 503 with {@code Retry-After}: the process engine cannot be reached. */
  @ApiResponse(
      responseCode = "503",
      headers =
          @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "string")),
      content = @Content(mediaType = PROBLEM_JSON))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface EngineUnavailable {
    @AliasFor(annotation = ApiResponse.class)
    String description() default "";
  }

  /** 503: the event broker cannot be reached. */
  @ApiResponse(
      responseCode = "503",
      description = "The broker cannot be reached",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              examples = @ExampleObject(value = ApiExamples.PROBLEM_BROKER_UNAVAILABLE)))
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface BrokerUnavailable {}
}
