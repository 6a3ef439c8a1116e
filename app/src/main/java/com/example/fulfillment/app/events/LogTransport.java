package com.example.fulfillment.app.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The bean is for the default transport, {@code log} (see {@link EventProperties.Transport}):
 * created when {@value EventProperties#TRANSPORT_PROPERTY} is {@code log} or not set.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(
    name = EventProperties.TRANSPORT_PROPERTY,
    havingValue = "log",
    matchIfMissing = true)
public @interface LogTransport {}
