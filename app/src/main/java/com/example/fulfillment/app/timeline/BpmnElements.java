package com.example.fulfillment.app.timeline;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Names and types of the elements of the models the app deploys ({@code classpath*:bpmn/*.bpmn}),
 * and which activity each compensation handler undoes, parsed once: the engine's records carry
 * element ids only.
 */
@Component
public class BpmnElements {

  /**
   * One flow element.
   *
   * @param type as the engine names it, e.g. {@code SERVICE_TASK}
   * @param compensationHandler {@code isForCompensation="true"}
   */
  public record Element(
      String processId, String id, String name, String type, boolean compensationHandler) {}

  private final Map<String, Element> elements = new HashMap<>();
  private final Map<String, String> processNames = new HashMap<>();

  /** process id + handler id → compensated activity id */
  private final Map<String, String> compensates = new HashMap<>();

  BpmnElements() {
    this("classpath*:bpmn/*.bpmn");
  }

  BpmnElements(final String pattern) {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          read(Bpmn.readModelFromStream(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the BPMN models", e);
    }
  }

  private void read(final BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      processNames.put(process.getId(), process.getName());
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      final Process process = processOf(element);
      if (process == null) {
        continue;
      }
      final boolean compensation =
          element instanceof Activity activity && activity.isForCompensation();
      elements.put(
          key(process.getId(), element.getId()),
          new Element(
              process.getId(),
              element.getId(),
              element.getName(),
              engineType(element.getElementType().getTypeName()),
              compensation));
    }
    // a handler is linked by an association from the compensation boundary event of the activity
    for (Association association : model.getModelElementsByType(Association.class)) {
      if (association.getSource() instanceof BoundaryEvent boundary
          && association.getTarget() instanceof Activity handler
          && handler.isForCompensation()
          && boundary.getEventDefinitions().stream()
              .anyMatch(d -> d instanceof CompensateEventDefinition)) {
        final Process process = processOf(boundary);
        if (process != null) {
          compensates.put(key(process.getId(), handler.getId()), boundary.getAttachedTo().getId());
        }
      }
    }
  }

  /** The element, if the deployed models have it. */
  public Optional<Element> find(final String processId, final String elementId) {
    if (processId == null || elementId == null) {
      return Optional.empty();
    }
    final Element element = elements.get(key(processId, elementId));
    if (element != null) {
      return Optional.of(element);
    }
    if (processId.equals(elementId) && processNames.containsKey(processId)) {
      return Optional.of(
          new Element(processId, processId, processNames.get(processId), "PROCESS", false));
    }
    return Optional.empty();
  }

  /** The element's name, or null if the models don't know it or it has none. */
  public String nameOf(final String processId, final String elementId) {
    return find(processId, elementId).map(Element::name).orElse(null);
  }

  /** The activity a compensation handler undoes, if {@code handlerId} is one. */
  public Optional<String> compensatedBy(final String processId, final String handlerId) {
    return Optional.ofNullable(compensates.get(key(processId, handlerId)));
  }

  private static Process processOf(final ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static String key(final String processId, final String elementId) {
    return processId + "\u0000" + elementId;
  }

  /** {@code serviceTask} → {@code SERVICE_TASK}, the engine's {@code BpmnElementType} name. */
  static String engineType(final String xmlTypeName) {
    return xmlTypeName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
