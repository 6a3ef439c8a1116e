package com.example.fulfillment.app.models.instances;

import com.example.fulfillment.app.engine.EngineUnavailableException;
import com.example.fulfillment.app.models.ProcessVersions;
import com.example.fulfillment.app.models.ProcessVersions.Definition;
import com.example.fulfillment.app.timeline.TimelineEntry;
import com.example.fulfillment.order.OrderService;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves running process instances from one deployed version to another, as Operate does: the plan
 * (source, target, element mappings) is checked against both models first; then each instance is
 * either checked against the plan (dry run) or migrated by the engine, one command per instance, so
 * one refusal does not stop the others. The engine is the judge of a real run: its reason is
 * reported verbatim. Each migrated order gets a {@code PROCESS_MIGRATED} timeline entry.
 */
@Service
record InstanceMigration(
    ProcessVersions versions,
    VersionModels models,
    OrderService orders,
    EngineCommands engine,
    InstanceAudit audit) {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceMigration.class);

  /** At most this many instances per request (the engine takes one command per instance). */
  static final int MAX_INSTANCES = 1000;

  /** One mapping instruction: the active instances of the source element move to the target's. */
  record Mapping(String sourceElementId, String targetElementId) {}

  /** What to migrate; {@code processInstanceKeys} null: every active instance of the source. */
  record Plan(
      Long processDefinitionKey,
      Integer targetVersion,
      Long targetProcessDefinitionKey,
      List<Mapping> mappings,
      List<Long> processInstanceKeys,
      boolean dryRun) {}

  /** A deployed version, as the report names it. */
  record Version(long key, String bpmnProcessId, int version, String versionTag) {
    static Version of(final Definition d) {
      return new Version(d.processDefinitionKey(), d.bpmnProcessId(), d.version(), d.versionTag());
    }
  }

  enum Result {
    /** Dry run: the plan covers every active element of the instance. */
    WOULD_MIGRATE,
    MIGRATED,
    /** The plan does not fit the instance (dry run), or the engine refused (its reason). */
    REFUSED,
    /** The engine did not answer: the instance may be migrated or not; ask again for it. */
    FAILED
  }

  record InstanceResult(long processInstanceKey, String orderId, Result result, String reason) {}

  record Report(
      boolean dryRun,
      Version source,
      Version target,
      List<InstanceResult> instances,
      Map<Result, Integer> counts) {}

  /**
   * @throws InstanceRequestException 400 for a plan that cannot work for any instance, 404 for an
   *     unknown version
   */
  Report migrate(final Plan plan) {
    final List<Mapping> mappings = checkMappings(plan.mappings());
    if (plan.processDefinitionKey() == null) {
      throw InstanceRequestException.invalidMigration("processDefinitionKey is required");
    }
    final Definition source = definition(plan.processDefinitionKey());
    final Definition target = target(plan, source);
    checkTypes(source, target, mappings);
    final List<Long> keys = instances(plan, source);
    final String migrationId = UUID.randomUUID().toString();
    final List<InstanceResult> results = new ArrayList<>();
    for (long key : keys) {
      final String orderId = orders.orderIdOf(key).orElse(null);
      // the request time: the timeline shows the migration before what the engine did after it
      final Instant requestedAt = audit.now();
      final InstanceResult result =
          plan.dryRun()
              ? check(key, orderId, source, target, mappings)
              : run(key, orderId, target, mappings);
      LOG.info(
          "Migration {}{} of process instance {} (order {}) from {} to {}: {}{}",
          migrationId,
          plan.dryRun() ? " (dry run)" : "",
          key,
          orderId,
          describe(source),
          describe(target),
          result.result(),
          result.reason() == null ? "" : ": " + result.reason());
      if (result.result() == Result.MIGRATED && orderId != null) {
        audit.append(
            orderId,
            "app:migration:" + migrationId + ":" + key,
            requestedAt,
            TimelineEntry.Kind.PROCESS_MIGRATED,
            target.bpmnProcessId(),
            key,
            transition(source, target));
      }
      results.add(result);
    }
    final Map<Result, Integer> counts = new EnumMap<>(Result.class);
    for (Result r : Result.values()) {
      counts.put(r, 0);
    }
    results.forEach(r -> counts.merge(r.result(), 1, Integer::sum));
    return new Report(
        plan.dryRun(), Version.of(source), Version.of(target), List.copyOf(results), counts);
  }

  private static List<Mapping> checkMappings(final List<Mapping> mappings) {
    if (mappings == null || mappings.isEmpty()) {
      throw InstanceRequestException.invalidMigration(
          "mappings: at least one {sourceElementId, targetElementId} is required (every active"
              + " element needs one)");
    }
    final Set<String> sources = new HashSet<>();
    for (Mapping m : mappings) {
      if (m == null
          || m.sourceElementId() == null
          || m.sourceElementId().isBlank()
          || m.targetElementId() == null
          || m.targetElementId().isBlank()) {
        throw InstanceRequestException.invalidMigration(
            "every mapping needs a sourceElementId and a targetElementId");
      }
      if (!sources.add(m.sourceElementId())) {
        throw InstanceRequestException.invalidMigration(
            "element " + m.sourceElementId() + " is mapped more than once");
      }
    }
    return List.copyOf(mappings);
  }

  /** The deployed definition with this key; 404 if there is none. */
  private Definition definition(final long processDefinitionKey) {
    return versions
        .definition(processDefinitionKey)
        .orElseThrow(
            () ->
                InstanceRequestException.definitionNotFound(
                    "no deployed process definition with key " + processDefinitionKey));
  }

  private Definition target(final Plan plan, final Definition source) {
    if ((plan.targetVersion() == null) == (plan.targetProcessDefinitionKey() == null)) {
      throw InstanceRequestException.invalidMigration(
          "give either targetVersion (a version of the same process) or"
              + " targetProcessDefinitionKey");
    }
    final Definition target =
        plan.targetProcessDefinitionKey() != null
            ? definition(plan.targetProcessDefinitionKey())
            : versions
                .definition(source.bpmnProcessId(), plan.targetVersion())
                .orElseThrow(
                    () ->
                        InstanceRequestException.definitionNotFound(
                            source.bpmnProcessId()
                                + " has no deployed version "
                                + plan.targetVersion()));
    if (target.processDefinitionKey() == source.processDefinitionKey()) {
      throw InstanceRequestException.invalidMigration(
          "source and target are the same version: " + describe(source));
    }
    return target;
  }

  private void checkTypes(
      final Definition source, final Definition target, final List<Mapping> mappings) {
    for (Mapping m : mappings) {
      final VersionModels.Node from = node(source, m.sourceElementId(), "sourceElementId");
      final VersionModels.Node to = node(target, m.targetElementId(), "targetElementId");
      if (!from.type().equals(to.type())) {
        throw InstanceRequestException.invalidMigration(
            "mapped elements must have the same type: "
                + m.sourceElementId()
                + " is a "
                + from.type()
                + ", "
                + m.targetElementId()
                + " is a "
                + to.type());
      }
    }
  }

  private VersionModels.Node node(
      final Definition definition, final String elementId, final String field) {
    return models
        .node(definition, elementId)
        .orElseThrow(
            () ->
                InstanceRequestException.invalidMigration(
                    field + " " + elementId + " is not an element of " + describe(definition)));
  }

  private List<Long> instances(final Plan plan, final Definition source) {
    if (plan.processInstanceKeys() == null) {
      if (!versions.seesInstances()) {
        throw InstanceRequestException.invalidMigration(
            "processInstanceKeys is required in remote mode: the app does not see the engine's"
                + " instances (Operate lists them)");
      }
      return versions.activeInstancesOf(source.processDefinitionKey()).stream()
          .map(ProcessVersions.ActiveInstance::processInstanceKey)
          .limit(MAX_INSTANCES)
          .toList();
    }
    if (plan.processInstanceKeys().size() > MAX_INSTANCES
        || plan.processInstanceKeys().contains(null)) {
      throw InstanceRequestException.invalidMigration(
          "processInstanceKeys: 1 to " + MAX_INSTANCES + " keys, none null");
    }
    return List.copyOf(new LinkedHashSet<>(plan.processInstanceKeys()));
  }

  /** Dry run: would the plan cover the instance? (The engine may still refuse what it checks.) */
  private InstanceResult check(
      final long key,
      final String orderId,
      final Definition source,
      final Definition target,
      final List<Mapping> mappings) {
    if (!versions.seesInstances()) {
      return new InstanceResult(
          key,
          orderId,
          Result.WOULD_MIGRATE,
          "not checked: in remote mode the app does not see the instance's active elements");
    }
    final ProcessVersions.ActiveInstance instance = versions.activeInstance(key).orElse(null);
    if (instance == null) {
      return refused(key, orderId, "no active process instance with key " + key);
    }
    if (instance.processDefinitionKey() != source.processDefinitionKey()) {
      return refused(
          key,
          orderId,
          "the instance runs on "
              + instance.bpmnProcessId()
              + " version "
              + instance.version()
              + " (key "
              + instance.processDefinitionKey()
              + "), not on the source");
    }
    final Set<String> mapped = new HashSet<>();
    mappings.forEach(m -> mapped.add(m.sourceElementId()));
    final List<String> active =
        instance.elements().stream()
            .map(ProcessVersions.ActiveElement::elementId)
            .distinct()
            .toList();
    final List<String> unmapped = new ArrayList<>();
    active.stream()
        .filter(id -> !mapped.contains(id))
        .forEach(id -> unmapped.add("active element " + id + " is not mapped"));
    // the engine will not move a message subscription to a target that waits for the same message
    // unless its catch event is mapped (e.g. the event subprocess's start, a gateway's events)
    final Set<String> targetMessages = models.messageNames(target);
    final List<String> scopes = new ArrayList<>(active);
    scopes.addFirst(source.bpmnProcessId());
    scopes.stream()
        .flatMap(scope -> models.subscriptions(source, scope).stream())
        .distinct()
        .filter(s -> !mapped.contains(s.catchEventId()))
        .filter(s -> targetMessages.contains(s.messageName()))
        .forEach(
            s ->
                unmapped.add(
                    "message catch event "
                        + s.catchEventId()
                        + " is not mapped, and the target waits for its message "
                        + s.messageName()
                        + " too"));
    return unmapped.isEmpty()
        ? new InstanceResult(key, orderId, Result.WOULD_MIGRATE, null)
        : refused(key, orderId, String.join("; ", unmapped));
  }

  private InstanceResult run(
      final long key, final String orderId, final Definition target, final List<Mapping> mappings) {
    MigrateProcessInstanceCommandFinalStep command = null;
    for (Mapping m : mappings) {
      command =
          command == null
              ? engine
                  .client()
                  .newMigrateProcessInstanceCommand(key)
                  .migrationPlan(target.processDefinitionKey())
                  .addMappingInstruction(m.sourceElementId(), m.targetElementId())
              : command.addMappingInstruction(m.sourceElementId(), m.targetElementId());
    }
    try {
      engine.send(command, "migrating process instance " + key);
      return new InstanceResult(key, orderId, Result.MIGRATED, null);
    } catch (EngineRefusalException e) {
      return refused(key, orderId, e.getMessage());
    } catch (EngineUnavailableException e) {
      return new InstanceResult(
          key,
          orderId,
          Result.FAILED,
          "the engine did not answer (" + e.getMessage() + "): ask again for this instance");
    }
  }

  private static InstanceResult refused(final long key, final String orderId, final String why) {
    return new InstanceResult(key, orderId, Result.REFUSED, why);
  }

  /** E.g. "order-fulfillment version 2 → 3 (versionTag 1 → 2)". */
  static String transition(final Definition source, final Definition target) {
    final String versions =
        source.bpmnProcessId().equals(target.bpmnProcessId())
            ? source.bpmnProcessId() + " version " + source.version() + " → " + target.version()
            : describe(source) + " → " + describe(target);
    return source.versionTag() == null && target.versionTag() == null
        ? versions
        : versions + " (versionTag " + source.versionTag() + " → " + target.versionTag() + ")";
  }

  private static String describe(final Definition d) {
    return d.bpmnProcessId() + " version " + d.version();
  }
}
