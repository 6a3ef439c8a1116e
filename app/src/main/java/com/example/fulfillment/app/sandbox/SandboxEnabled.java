package com.example.fulfillment.app.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Only while the sandboxes are served: {@code fulfillment.sandbox.enabled}, on unless false. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(
    prefix = "fulfillment.sandbox",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@interface SandboxEnabled {}
