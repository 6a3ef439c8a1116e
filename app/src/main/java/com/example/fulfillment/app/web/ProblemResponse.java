package com.example.fulfillment.app.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One problem answer of a handler method, for the OpenAPI description: {@code status}, what it
 * means here, and optionally an example problem document (JSON). One line each, instead of an
 * {@code @ApiResponse} block with its {@code @Content}; {@code OpenApiConfiguration} turns them
 * into {@code application/problem+json} responses. The shared ones stay in {@link
 * ProblemResponses}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

  int status();

  String description();

  /** An example problem document (JSON), or none. */
  String example() default "";

  /** The container of repeated {@link ProblemResponse}s. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface List {
    ProblemResponse[] value();
  }
}
