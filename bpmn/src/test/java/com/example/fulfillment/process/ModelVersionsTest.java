package com.example.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every version of a model kept under {@code versions/<process id>/} (test resources: the versions
 * that may still have running instances) against the current model and the code: the job workers of
 * today must serve the instances of every kept version, and every name a version uses must be one
 * the code knows. A model change that breaks that fails here, before it reaches an engine.
 */
class ModelVersionsTest {

  private static final PathMatchingResourcePatternResolver RESOURCES =
      new PathMatchingResourcePatternResolver();

  @Test
  void everyVersionUsesOnlyNamesTheCodeKnows() throws Exception {
    final List<WorkerContract> all = new ArrayList<>(kept());
    for (Resource current : RESOURCES.getResources("classpath*:bpmn/*.bpmn")) {
      all.add(read(current));
    }
    for (WorkerContract version : all) {
      final String which = version.processId() + " version " + version.versionTag();
      final Map<Class<?>, Set<String>> used = new LinkedHashMap<>();
      used.put(ProcessConstants.Processes.class, Set.of(version.processId()));
      used.put(ProcessConstants.JobTypes.class, version.inputsByJobType().keySet());
      used.put(ProcessConstants.Messages.class, version.messages());
      used.put(ProcessConstants.Errors.class, version.errorCodes());
      used.put(ProcessConstants.Signals.class, version.signals());
      used.put(ProcessConstants.Decisions.class, version.calledDecisions());
      used.forEach(
          (holder, names) ->
              assertThat(constants(holder))
                  .as(which + ": " + holder.getSimpleName())
                  .containsAll(names));
    }
  }

  @Test
  void theWorkersOfTheCurrentModelServeEveryKeptVersion() throws Exception {
    final List<WorkerContract> kept = kept();
    assertThat(kept).as("kept versions").isNotEmpty();
    for (WorkerContract old : kept) {
      final WorkerContract current = current(old.processId());
      assertThat(old.breaksFor(current))
          .as(old.processId() + " version " + old.versionTag() + " vs the current model")
          .isEmpty();
      assertThat(Integer.parseInt(old.versionTag()))
          .as(old.processId() + ": a kept version is older than the current one")
          .isLessThan(Integer.parseInt(current.versionTag()));
    }
  }

  @Test
  void aRemovedVariableAndARenamedErrorCodeAreReportedByJobType() throws Exception {
    final WorkerContract broken =
        read(RESOURCES.getResource("classpath:contract-breaks/order-fulfillment.bpmn"));

    assertThat(broken.breaksFor(current(ProcessConstants.Processes.ORDER_FULFILLMENT)))
        .containsExactly(
            "charge-payment: version 0-breaking does not hand the worker [currency] (a new"
                + " variable needs a new job type, or must stay optional)",
            "charge-payment: version 0-breaking does not catch error [PAYMENT_DECLINED] the"
                + " worker may throw (a renamed error code needs a new job type)");
    assertThat(broken.errorCodes()).contains("PAYMENT_REFUSED");
  }

  private static List<WorkerContract> kept() throws Exception {
    final List<WorkerContract> kept = new ArrayList<>();
    for (Resource version : RESOURCES.getResources("classpath*:versions/*/*.bpmn")) {
      kept.add(read(version));
    }
    return kept;
  }

  private static WorkerContract current(final String processId) throws Exception {
    return read(RESOURCES.getResource("classpath:bpmn/" + processId + ".bpmn"));
  }

  private static WorkerContract read(final Resource resource) throws Exception {
    try (InputStream in = resource.getInputStream()) {
      return WorkerContract.read(in);
    }
  }

  private static Set<String> constants(final Class<?> holder) {
    return Arrays.stream(holder.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(
            f -> {
              try {
                return (String) f.get(null);
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            })
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
