package com.example.fulfillment.app.models;

import com.example.fulfillment.app.web.FeatureProblems;
import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The model deployment's problems. Multipart bodies are parsed only for the deployment (lazily, see
 * {@code spring.servlet.multipart}), so the multipart failures are this feature's.
 */
@FeatureProblems
class DeploymentProblems {

  @ExceptionHandler(ModelDeployment.InvalidModelException.class)
  ResponseEntity<ProblemDetail> invalidModel(final ModelDeployment.InvalidModelException ex) {
    return ProblemType.INVALID_MODEL.answer(ex.getMessage());
  }

  /** A file beyond 1 MB, or a request beyond the multipart limit: a client error like the rest. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(final MaxUploadSizeExceededException ex) {
    return invalid("each file may be at most 1 MB (" + DeploymentController.MAX_BYTES + " bytes)");
  }

  /** Not a readable multipart body (no boundary, cut off, ...). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadable(final MultipartException ex) {
    return invalid("the body is not readable multipart/form-data");
  }

  private static ResponseEntity<ProblemDetail> invalid(final String message) {
    return ProblemType.INVALID_REQUEST.answer(
        "The request has invalid fields.",
        Map.of("errors", List.of(new FieldProblem("resources", message))));
  }
}
