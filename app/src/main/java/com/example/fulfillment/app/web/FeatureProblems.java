package com.example.fulfillment.app.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A feature's exception advice: maps the feature's own exceptions to problems, and is asked before
 * the catch-all of {@code ApiExceptionHandler} ({@link Problems#FEATURE_ADVICE_ORDER}), which would
 * otherwise answer them with a 500.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER)
public @interface FeatureProblems {}
