package com.example.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.process.ProcessConstants.Variables;
import com.example.fulfillment.testing.Constants;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The workers implement exactly the job types of the contract, with its variable names. */
class WorkerContractTest {

  static final List<Method> WORKERS =
      new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("com.example.fulfillment")
              .stream()
              .flatMap(c -> c.getMethods().stream())
              .filter(m -> m.isAnnotatedWith(JobWorker.class))
              .map(JavaMethod::reflect)
              .toList();

  @Test
  void everyJobTypeHasExactlyOneWorker() {
    final Map<String, Long> byType =
        WORKERS.stream()
            .collect(
                Collectors.groupingBy(
                    m -> m.getAnnotation(JobWorker.class).type(), Collectors.counting()));

    assertThat(byType.keySet()).isEqualTo(Constants.of(JobTypes.class));
    assertThat(byType.values()).containsOnly(1L);
  }

  @Test
  void workersReadAndWriteOnlyContractVariables() {
    final Set<String> known = new HashSet<>(Constants.of(Variables.class));
    known.addAll(Constants.of(ErrorVariables.class));
    for (Method worker : WORKERS) {
      assertThat(worker.getParameterTypes())
          .as(worker + " takes the job")
          .contains(ActivatedJob.class);
      for (Parameter p : worker.getParameters()) {
        if (p.isAnnotationPresent(VariablesAsType.class)) {
          assertThat(components(p.getType())).as("input of " + worker).isSubsetOf(known);
        }
        if (p.isAnnotationPresent(Variable.class)) {
          assertThat(p.getAnnotation(Variable.class).name()).as(worker.toString()).isIn(known);
        }
      }
      if (worker.getReturnType() != void.class) {
        assertThat(worker.getReturnType().isRecord()).as(worker + " returns a record").isTrue();
        assertThat(components(worker.getReturnType())).as("output of " + worker).isSubsetOf(known);
      }
    }
  }

  private static Set<String> components(final Class<?> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
