package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.models.ProcessVersions;
import com.example.fulfillment.app.models.ProcessVersions.ActiveElement;
import com.example.fulfillment.app.models.ProcessVersions.ActiveInstance;
import com.example.fulfillment.app.models.ProcessVersions.Definition;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.UnknownOrderException;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1.ModifyProcessInstanceCommandStep2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves a stuck order's token, as Operate's modification does: terminates active elements of the
 * order's process instance and activates others (with variables, set in the instance's global
 * scope), in one engine command, so the instance is never left without a token in between. The
 * request is checked against the instance first (what is active, what its version has); what the
 * engine then refuses is reported with its reason. Audited on the order's timeline ({@code
 * PROCESS_MODIFIED}).
 */
@Service
record InstanceModification(
    OrderService orders,
    ProcessVersions versions,
    VersionModels models,
    EngineCommands engine,
    InstanceAudit audit) {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceModification.class);

  record Activation(String elementId, Map<String, Object> variables) {}

  record Request(List<String> terminate, List<Activation> activate) {}

  record Terminated(String elementId, long elementInstanceKey) {}

  record Modified(
      String orderId,
      long processInstanceKey,
      List<Terminated> terminated,
      List<String> activated) {}

  /**
   * @throws UnknownOrderException 404
   * @throws InstanceRequestException 409 no active instance, 400 a request that does not fit it
   * @throws EngineRefusalException 422 the engine refused the modification
   */
  Modified modify(final String orderId, final Request request) {
    final List<String> terminate =
        request.terminate() == null
            ? List.of()
            : List.copyOf(new LinkedHashSet<>(request.terminate()));
    final List<Activation> activate = request.activate() == null ? List.of() : request.activate();
    if (terminate.isEmpty() && activate.isEmpty()) {
      throw InstanceRequestException.invalidModification("nothing to terminate or activate");
    }
    final Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    final ActiveInstance instance = activeInstance(order);
    final List<Terminated> terminated = new ArrayList<>();
    for (String elementId : terminate) {
      final List<ActiveElement> active =
          instance.elements().stream().filter(e -> e.elementId().equals(elementId)).toList();
      if (active.isEmpty()) {
        throw InstanceRequestException.invalidModification(
            "element "
                + elementId
                + " is not active in process instance "
                + instance.processInstanceKey()
                + " (active: "
                + String.join(
                    ", ",
                    new TreeSet<>(
                        instance.elements().stream().map(ActiveElement::elementId).toList()))
                + ")");
      }
      active.forEach(e -> terminated.add(new Terminated(elementId, e.elementInstanceKey())));
    }
    final Definition model =
        versions
            .definition(instance.processDefinitionKey())
            .orElseThrow(
                () ->
                    InstanceRequestException.invalidModification(
                        "the model of process instance "
                            + instance.processInstanceKey()
                            + " is not known to the app"));
    for (Activation a : activate) {
      if (a == null || a.elementId() == null || models.node(model, a.elementId()).isEmpty()) {
        throw InstanceRequestException.invalidModification(
            "element "
                + (a == null ? null : a.elementId())
                + " is not an element of "
                + model.bpmnProcessId()
                + " version "
                + model.version()
                + ", the version process instance "
                + instance.processInstanceKey()
                + " runs on");
      }
    }
    // the operator's request time: the timeline shows it before what the engine then did
    final Instant requestedAt = audit.now();
    try {
      engine.send(
          command(instance.processInstanceKey(), terminated, activate),
          "modifying process instance " + instance.processInstanceKey());
    } catch (EngineRefusalException e) {
      LOG.info(
          "Modification of process instance {} (order {}) refused by the engine: {}",
          instance.processInstanceKey(),
          orderId,
          e.getMessage());
      throw e;
    }
    final List<String> activated = activate.stream().map(Activation::elementId).toList();
    final String detail = detail(terminated, activate);
    LOG.info(
        "Process instance {} of order {} modified: {}",
        instance.processInstanceKey(),
        orderId,
        detail);
    audit.append(
        orderId,
        "app:modification:" + UUID.randomUUID(),
        requestedAt,
        TimelineEntry.Kind.PROCESS_MODIFIED,
        instance.bpmnProcessId(),
        instance.processInstanceKey(),
        detail);
    return new Modified(orderId, instance.processInstanceKey(), terminated, activated);
  }

  private ActiveInstance activeInstance(final Order order) {
    if (!versions.seesInstances()) {
      throw InstanceRequestException.noActiveInstance(
          "in remote mode the app does not see the engine's instances: modify the instance of"
              + " order "
              + order.orderId()
              + " in Operate");
    }
    if (order.processInstanceKey() == null) {
      throw InstanceRequestException.noActiveInstance(
          "order " + order.orderId() + " has no process instance (yet)");
    }
    return versions
        .activeInstance(order.processInstanceKey())
        .orElseThrow(
            () ->
                InstanceRequestException.noActiveInstance(
                    "process instance "
                        + order.processInstanceKey()
                        + " of order "
                        + order.orderId()
                        + " is not active (order "
                        + order.status()
                        + ")"));
  }

  private ModifyProcessInstanceCommandStep2 command(
      final long processInstanceKey,
      final List<Terminated> terminated,
      final List<Activation> activate) {
    ModifyProcessInstanceCommandStep1 next =
        engine.client().newModifyProcessInstanceCommand(processInstanceKey);
    ModifyProcessInstanceCommandStep2 last = null;
    for (Activation a : activate) {
      next = last == null ? next : last.and();
      last =
          a.variables() == null || a.variables().isEmpty()
              ? next.activateElement(a.elementId())
              : next.activateElement(a.elementId()).withVariables(a.variables());
    }
    for (Terminated t : terminated) {
      next = last == null ? next : last.and();
      last = next.terminateElement(t.elementInstanceKey());
    }
    return last;
  }

  /** E.g. "terminated ChargePayment; activated RejectMergeCharge (variables rejectionReason)". */
  private static String detail(final List<Terminated> terminated, final List<Activation> activate) {
    final List<String> parts = new ArrayList<>();
    if (!terminated.isEmpty()) {
      parts.add(
          "terminated "
              + String.join(
                  ", ",
                  new LinkedHashSet<>(terminated.stream().map(Terminated::elementId).toList())));
    }
    for (Activation a : activate) {
      // variable names only: their values may be personal data
      parts.add(
          "activated "
              + a.elementId()
              + (a.variables() == null || a.variables().isEmpty()
                  ? ""
                  : " (variables "
                      + String.join(", ", new TreeSet<>(a.variables().keySet()))
                      + ")"));
    }
    return String.join("; ", parts);
  }
}
