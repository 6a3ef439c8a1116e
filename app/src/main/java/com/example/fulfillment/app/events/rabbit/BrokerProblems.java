package com.example.fulfillment.app.events.rabbit;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The admin endpoints talk to the broker: when it is away, say so (and keep its text out). */
@FeatureProblems
class BrokerProblems {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerProblems.class);

  @ExceptionHandler(AmqpException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(final AmqpException ex) {
    LOG.warn("Event broker unavailable: {}", ex.toString());
    return ProblemType.EVENT_BROKER_UNAVAILABLE.answer(
        "The message broker cannot be reached; retry later.");
  }
}
