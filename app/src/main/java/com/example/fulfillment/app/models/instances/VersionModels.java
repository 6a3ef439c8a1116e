package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.models.ProcessVersions;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The flow nodes of each deployed version, read from the XML {@link ProcessVersions} keeps, parsed
 * once per version: the checks of a migration plan or a modification need the element types of
 * exactly the version an instance runs on, and which message catch events an active element
 * subscribes to (the engine wants those mapped when the target waits for the same message).
 */
@Component
class VersionModels {

  /** A flow node of one version, with its BPMN type as the XML names it (e.g. serviceTask). */
  record Node(String id, String type) {}

  /** A message catch event an active element (or the process itself) is subscribed to. */
  record Subscription(String catchEventId, String messageName) {}

  private record Model(
      BpmnModelInstance model, Map<String, Node> nodes, Set<String> messageNames) {}

  private final Map<Long, Model> models = new ConcurrentHashMap<>();

  /** The flow node {@code elementId} of the version's process, if it has one. */
  Optional<Node> node(final ProcessVersions.Definition definition, final String elementId) {
    return Optional.ofNullable(model(definition).nodes().get(elementId));
  }

  /** The names of the messages any catch event of the version waits for. */
  Set<String> messageNames(final ProcessVersions.Definition definition) {
    return model(definition).messageNames();
  }

  /**
   * The message catch events that {@code scopeId} (an active element, or the process id for the
   * instance itself) is subscribed to while it is active: the message start events of its event
   * subprocesses, its message boundary events, and the message catch events after an event-based
   * gateway.
   */
  List<Subscription> subscriptions(
      final ProcessVersions.Definition definition, final String scopeId) {
    final Model m = model(definition);
    final ModelElementInstance scope = m.model().getModelElementById(scopeId);
    final List<Subscription> found = new ArrayList<>();
    if (scope instanceof Process || scope instanceof SubProcess) {
      for (SubProcess sub : scope.getChildElementsByType(SubProcess.class)) {
        if (sub.triggeredByEvent()) {
          sub.getChildElementsByType(StartEvent.class).forEach(e -> addMessage(e, found));
        }
      }
    }
    if (scope instanceof Activity activity) {
      for (BoundaryEvent boundary : m.model().getModelElementsByType(BoundaryEvent.class)) {
        if (boundary.getAttachedTo() == activity) {
          addMessage(boundary, found);
        }
      }
    }
    if (scope instanceof EventBasedGateway gateway) {
      for (FlowNode next : gateway.getSucceedingNodes().list()) {
        if (next instanceof CatchEvent event) {
          addMessage(event, found);
        }
      }
    }
    return found;
  }

  private static void addMessage(final CatchEvent event, final List<Subscription> found) {
    for (var definition : event.getEventDefinitions()) {
      if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
        found.add(new Subscription(event.getId(), message.getMessage().getName()));
      }
    }
  }

  private Model model(final ProcessVersions.Definition definition) {
    return models.computeIfAbsent(definition.processDefinitionKey(), k -> read(definition));
  }

  private static Model read(final ProcessVersions.Definition definition) {
    final BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(definition.xml()));
    final Map<String, Node> nodes = new ConcurrentHashMap<>();
    final Set<String> messages = new HashSet<>();
    // a resource may hold several processes: only the nodes of this one
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (definition.bpmnProcessId().equals(processOf(node))) {
        nodes.put(node.getId(), new Node(node.getId(), node.getElementType().getTypeName()));
        if (node instanceof CatchEvent event) {
          final List<Subscription> subscriptions = new ArrayList<>();
          addMessage(event, subscriptions);
          subscriptions.forEach(s -> messages.add(s.messageName()));
        }
      }
    }
    return new Model(model, nodes, Set.copyOf(messages));
  }

  private static String processOf(final ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent == null ? null : ((BaseElement) parent).getId();
  }
}
