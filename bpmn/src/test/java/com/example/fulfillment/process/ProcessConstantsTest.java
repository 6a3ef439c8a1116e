package com.example.fulfillment.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The constants in {@link ProcessConstants} and the BPMN models must name the same things. */
class ProcessConstantsTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  private static final Set<Document> models = new java.util.HashSet<>();

  @BeforeAll
  static void parseModels() throws Exception {
    final Resource[] resources =
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
    assertThat(resources).as("BPMN models on the classpath").isNotEmpty();
    final var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        models.add(factory.newDocumentBuilder().parse(in));
      }
    }
  }

  @Test
  void elementIdsNameElementsOfTheModels() throws Exception {
    final Set<String> ids = new TreeSet<>();
    for (Document model : models) {
      final NodeList all = model.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < all.getLength(); i++) {
        ids.add(((Element) all.item(i)).getAttribute("id"));
      }
    }
    for (Field field : ProcessConstants.Elements.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        assertThat(ids).as("element " + field.getName()).contains((String) field.get(null));
      }
    }
  }

  @Test
  void jobTypesAreExactlyThoseOfTheModels() {
    assertThat(constants(ProcessConstants.JobTypes.class))
        .isEqualTo(attributes(ZEEBE, "taskDefinition", e -> e.getAttribute("type")));
  }

  @Test
  void messageNamesAreExactlyThoseOfTheModels() {
    assertThat(constants(ProcessConstants.Messages.class))
        .isEqualTo(attributes(BPMN, "message", e -> e.getAttribute("name")));
  }

  @Test
  void processIdsAreExactlyThoseOfTheModels() {
    assertThat(constants(ProcessConstants.Processes.class))
        .isEqualTo(attributes(BPMN, "process", e -> e.getAttribute("id")));
  }

  @Test
  void decisionIdsAreExactlyThoseOfTheDecisionModels() throws Exception {
    final var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    final Set<String> decisions = new TreeSet<>();
    for (Resource dmn :
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.dmn")) {
      try (InputStream in = dmn.getInputStream()) {
        final NodeList nodes =
            factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "decision");
        IntStream.range(0, nodes.getLength())
            .mapToObj(i -> ((Element) nodes.item(i)).getAttribute("id"))
            .forEach(decisions::add);
      }
    }
    assertThat(constants(nested("Decisions"))).isEqualTo(decisions);
    assertThat(constants(nested("Decisions")))
        .isEqualTo(attributes(ZEEBE, "calledDecision", e -> e.getAttribute("decisionId")));
  }

  @Test
  void errorCodesAreExactlyThoseOfTheModels() {
    assertThat(constants(nested("Errors")))
        .isEqualTo(attributes(BPMN, "error", e -> e.getAttribute("errorCode")));
  }

  @Test
  void signalNamesAreExactlyThoseOfTheModels() {
    assertThat(constants(nested("Signals")))
        .isEqualTo(attributes(BPMN, "signal", e -> e.getAttribute("name")));
  }

  /** A nested constants class, or none yet (then the models must not use that kind either). */
  private static Class<?> nested(final String simpleName) {
    return Arrays.stream(ProcessConstants.class.getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals(simpleName))
        .findFirst()
        .orElse(null);
  }

  private static Set<String> constants(final Class<?> holder) {
    if (holder == null) {
      return Set.of();
    }
    return Arrays.stream(holder.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(ProcessConstantsTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> attributes(
      final String namespace, final String localName, final Function<Element, String> value) {
    return models.stream()
        .flatMap(
            doc -> {
              final NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
              return IntStream.range(0, nodes.getLength())
                  .mapToObj(i -> value.apply((Element) nodes.item(i)));
            })
        .filter(v -> !v.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(final Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
