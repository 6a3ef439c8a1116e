package com.example.fulfillment.app.models;

import com.example.fulfillment.app.web.FieldProblem;
import com.example.fulfillment.app.web.InvalidRequestException;
import com.example.fulfillment.app.web.ProblemResponse;
import com.example.fulfillment.app.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Deploys BPMN and DMN files as an operator would from Desktop Modeler: a new version at once, no
 * restart. Needs the full-access key (admin). Translation only: {@link ModelDeployment} does the
 * work.
 */
@Tag(name = "Admin: models", description = "New versions of the models (full-access key only)")
@RestController
record DeploymentController(ModelDeployment deployment) {

  static final int MAX_FILES = 10;
  static final int MAX_BYTES = 1024 * 1024;
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,150}\\.(bpmn|dmn)", Pattern.CASE_INSENSITIVE);

  static final String DEPLOYED =
      """
      {"deploymentKey": 2251799813685420,
       "processes": [{"bpmnProcessId": "order-fulfillment", "version": 2, "versionTag": "3",
                      "processDefinitionKey": 2251799813685421,
                      "resourceName": "order-fulfillment.bpmn"}],
       "decisions": [{"decisionId": "fraud-risk", "version": 1, "decisionKey": 2251799813685250}]}
      """;

  static final String PROBLEM_INVALID_MODEL =
      """
      {"type": "https://fulfillment.example.com/problems/invalid-model", "title": "Invalid model",
       "status": 400,
       "detail": "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': … 'broken.bpmn': …",
       "correlationId": "5b1f0c2e-…"}
      """;

  @Operation(
      summary = "Deploy BPMN and DMN models",
      description =
          "multipart/form-data with one or more parts named resources (.bpmn or .dmn files, each"
              + " at most 1 MB, at most 10). Each process becomes a new version at once, without a"
              + " restart; a file identical to the latest version stays at that version. Orders"
              + " already running stay on their version; new orders start on the latest (order"
              + " start is the message start event OrderReceived). Workers serve every version.",
      responses = {
        @ApiResponse(
            responseCode = "201",
            content = @Content(examples = @ExampleObject(value = DEPLOYED)))
      })
  @ProblemResponse(
      status = 400,
      description =
          "No file, more than 10, not .bpmn/.dmn, larger than 1 MB (invalid-request); or a"
              + " model the engine refuses, with its reason (invalid-model)",
      example = PROBLEM_INVALID_MODEL)
  @ProblemResponses.Unauthorized
  @ProblemResponses.Forbidden
  @ProblemResponses.UnsupportedMediaType(description = "Not multipart/form-data")
  @ProblemResponses.EngineUnavailable(description = "Engine unreachable: nothing was deployed")
  @PostMapping(
      path = "/api/admin/deployments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ModelDeployment.Deployment deploy(
      @Parameter(description = "the model files (.bpmn, .dmn)")
          @RequestPart(name = "resources", required = false)
          final List<MultipartFile> resources,
      final Principal principal) {
    return deployment.deploy(uploads(resources), principal.getName());
  }

  private static List<ModelDeployment.Upload> uploads(final List<MultipartFile> files) {
    if (files == null || files.isEmpty()) {
      throw new InvalidRequestException(
          "resources", "send at least one .bpmn or .dmn file as part 'resources'");
    }
    if (files.size() > MAX_FILES) {
      throw new InvalidRequestException("resources", "at most " + MAX_FILES + " files");
    }
    final List<FieldProblem> problems = new ArrayList<>();
    final List<ModelDeployment.Upload> uploads = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      final MultipartFile file = files.get(i);
      final String field = "resources[" + i + "]";
      final String name = baseName(file.getOriginalFilename());
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add(
            new FieldProblem(
                field,
                "must be a .bpmn or .dmn file with a plain name (letters,"
                    + " digits, '.', '_', '-', ' ')"));
      } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem(field, "a second file named " + name));
      } else if (file.isEmpty()) {
        problems.add(new FieldProblem(field, "is empty"));
      } else if (file.getSize() > MAX_BYTES) {
        problems.add(new FieldProblem(field, "larger than 1 MB (" + MAX_BYTES + " bytes)"));
      } else {
        uploads.add(new ModelDeployment.Upload(name, bytes(file)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return uploads;
  }

  /** The file name without a client's directories (some browsers send a full path). */
  private static String baseName(final String original) {
    if (original == null) {
      return null;
    }
    final int slash = Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\'));
    return original.substring(slash + 1);
  }

  private static byte[] bytes(final MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file", e);
    }
  }
}
