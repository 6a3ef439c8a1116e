package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.web.ProblemTypes;
import com.example.fulfillment.app.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin endpoints talk to the broker: when it is away, say so (and keep its text out). */
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER)
class BrokerProblems {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerProblems.class);

  @ExceptionHandler(AmqpException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(final AmqpException ex) {
    LOG.warn("Event broker unavailable: {}", ex.toString());
    return Problems.serviceUnavailable(
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemTypes.EVENT_BROKER_UNAVAILABLE,
            "Event broker unavailable",
            "The message broker cannot be reached; retry later."));
  }
}
