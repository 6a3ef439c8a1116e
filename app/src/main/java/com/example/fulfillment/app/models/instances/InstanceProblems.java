package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.ProblemType;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The migration and modification API's problems. */
@FeatureProblems
class InstanceProblems {

  @ExceptionHandler(InstanceRequestException.class)
  ResponseEntity<ProblemDetail> refused(final InstanceRequestException ex) {
    return ex.type().answer(ex.getMessage());
  }

  @ExceptionHandler(EngineRefusalException.class)
  ResponseEntity<ProblemDetail> engineRefused(final EngineRefusalException ex) {
    return ProblemType.MODIFICATION_REFUSED.answer(
        ex.getMessage(), Map.of("engineCode", ex.code()));
  }
}
