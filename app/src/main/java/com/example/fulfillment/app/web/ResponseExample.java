package com.example.fulfillment.app.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The example (JSON) of a handler method's success answer, for the OpenAPI description, in one line
 * instead of an {@code @ApiResponse} block; {@code OpenApiConfiguration} puts it on every media
 * type of the operation's 2xx answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ResponseExample {

  String value();
}
