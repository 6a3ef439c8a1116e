package com.example.fulfillment.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar users deploy holds no engine: none of the development engine's jars (Zeebe Community
 * License, Camunda License: non-production use only) is in {@code BOOT-INF/lib}. The licence check
 * of the build says the same from the POMs; this looks at the artifact itself.
 */
class ProductionJarIT {

  @Test
  void theProductionJarContainsNoEngineJar() throws IOException {
    try (JarFile jar = new JarFile(JavaProcess.jar("fulfillment.it.app-jar").toFile())) {
      final List<String> libs =
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith("BOOT-INF/lib/"))
              .map(n -> n.substring("BOOT-INF/lib/".length()))
              .toList();
      assertThat(libs).as("libraries of the production jar").isNotEmpty();
      assertThat(libs)
          .noneMatch(n -> n.startsWith("zeebe-workflow-engine"))
          .noneMatch(n -> n.startsWith("zeebe-db"))
          .noneMatch(n -> n.startsWith("zeebe-process-test"))
          .noneMatch(n -> n.startsWith("zeebe-logstreams"))
          .noneMatch(n -> n.startsWith("zeebe-stream-platform"))
          .noneMatch(n -> n.startsWith("camunda-security"))
          .noneMatch(n -> n.startsWith("camunda-search"))
          .noneMatch(n -> n.startsWith("fulfillment-dev-engine"));
      assertThat(libs).anyMatch(n -> n.startsWith("camunda-client-java"));
    }
  }
}
