package com.example.fulfillment.app.models;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/** What the app reads from a model file: its processes' version tags. */
final class ModelFiles {

  private ModelFiles() {}

  /**
   * The {@code zeebe:versionTag} of process {@code bpmnProcessId} in a BPMN file the engine has
   * taken (the deployment answer does not carry it); empty for none.
   */
  static Optional<String> versionTag(final byte[] bpmn, final String bpmnProcessId) {
    if (bpmn == null) {
      return Optional.empty();
    }
    final Process process =
        Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementById(bpmnProcessId);
    if (process == null || process.getExtensionElements() == null) {
      return Optional.empty();
    }
    return process.getExtensionElements().getChildElementsByType(ZeebeVersionTag.class).stream()
        .map(ZeebeVersionTag::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }
}
