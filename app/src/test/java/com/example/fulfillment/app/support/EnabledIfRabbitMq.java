package com.example.fulfillment.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class only when a RabbitMQ answers at {@link RabbitMq#HOST}:{@link RabbitMq#PORT}
 * (guest/guest); otherwise it is skipped with the reason in the report, so a machine without a
 * broker still passes the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RabbitMq.Condition.class)
public @interface EnabledIfRabbitMq {}
