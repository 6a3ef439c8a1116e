package com.example.fulfillment.app.engine;

import com.example.fulfillment.app.web.ProblemType;
import com.example.fulfillment.app.web.Problems;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The engine's unavailability as the API answers it: 503 with {@code Retry-After}, never 500.
 * Ordered after the features' advices: a feature's subclass of {@link EngineUnavailableException}
 * (e.g. a deferred order start, which names the order) keeps its own answer.
 */
@RestControllerAdvice
@Order(Problems.FEATURE_ADVICE_ORDER + 1)
class EngineProblems {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProblems.class);
  private static final Set<Status.Code> NOT_NOW =
      Set.of(
          Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  @ExceptionHandler(EngineUnavailableException.class)
  ResponseEntity<ProblemDetail> engineUnavailable(final EngineUnavailableException ex) {
    LOG.warn("Process engine unavailable: {}", ex.getMessage());
    return ProblemType.ENGINE_UNAVAILABLE.answer(
        "The process engine cannot be reached; retry later.");
  }

  /** A client error that is an outage is a 503; any other is a bug: the generic 500. */
  @ExceptionHandler(ClientException.class)
  ResponseEntity<ProblemDetail> engine(final ClientException ex) {
    if (ex instanceof ClientStatusException status && !NOT_NOW.contains(status.getStatusCode())) {
      LOG.error("Unhandled engine error", ex);
      return Problems.internalError();
    }
    return engineUnavailable(new EngineUnavailableException(ex.getMessage(), ex));
  }
}
