package com.example.fulfillment.process;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What one version of a BPMN model asks of the code: per job type, the variables its tasks hand to
 * the worker (input mappings) and the BPMN error codes caught on them; the messages, error codes
 * and signals it uses. Two versions are compatible for the workers when every job type the newer
 * one shares with the older gets at least the same variables in the older one and has every error
 * the newer one catches caught there too: the same worker then serves instances of both. A change
 * that cannot keep that takes a new job type (see docs/model-versions.md).
 */
record WorkerContract(
    String processId,
    String versionTag,
    Map<String, Set<String>> inputsByJobType,
    Map<String, Set<String>> caughtErrorsByJobType,
    Set<String> messages,
    Set<String> errorCodes,
    Set<String> signals,
    Set<String> calledDecisions) {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  /** Reads the contract of the (single executable) process in a BPMN file. */
  static WorkerContract read(final InputStream bpmn) throws Exception {
    final var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    final Document doc = factory.newDocumentBuilder().parse(bpmn);
    final Element process = (Element) doc.getElementsByTagNameNS(BPMN, "process").item(0);
    final Map<String, String> errorCodeById = new HashMap<>();
    for (Element error : elements(doc.getDocumentElement(), BPMN, "error")) {
      errorCodeById.put(error.getAttribute("id"), error.getAttribute("errorCode"));
    }
    final Map<String, String> jobTypeByTask = new HashMap<>();
    final Map<String, Set<String>> inputs = new TreeMap<>();
    for (Element definition : elements(process, ZEEBE, "taskDefinition")) {
      final Element task = (Element) definition.getParentNode().getParentNode();
      final String type = definition.getAttribute("type");
      jobTypeByTask.put(task.getAttribute("id"), type);
      final Set<String> targets = inputs.computeIfAbsent(type, t -> new TreeSet<>());
      for (Element input : elements(task, ZEEBE, "input")) {
        targets.add(input.getAttribute("target"));
      }
    }
    final Map<String, Set<String>> caught = new TreeMap<>();
    jobTypeByTask.values().forEach(type -> caught.putIfAbsent(type, new TreeSet<>()));
    for (Element boundary : elements(process, BPMN, "boundaryEvent")) {
      final String type = jobTypeByTask.get(boundary.getAttribute("attachedToRef"));
      for (Element errorDefinition : elements(boundary, BPMN, "errorEventDefinition")) {
        if (type != null) {
          caught
              .get(type)
              .add(errorCodeById.getOrDefault(errorDefinition.getAttribute("errorRef"), "*"));
        }
      }
    }
    final Element tag = first(process, ZEEBE, "versionTag");
    return new WorkerContract(
        process.getAttribute("id"),
        tag == null ? null : tag.getAttribute("value"),
        inputs,
        caught,
        attributes(doc.getDocumentElement(), BPMN, "message", "name"),
        new TreeSet<>(errorCodeById.values()),
        attributes(doc.getDocumentElement(), BPMN, "signal", "name"),
        attributes(process, ZEEBE, "calledDecision", "decisionId"));
  }

  /**
   * Why the workers written for {@code newer} cannot serve instances of this (older) version: one
   * line per broken promise, empty when compatible.
   */
  List<String> breaksFor(final WorkerContract newer) {
    final List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> job : newer.inputsByJobType().entrySet()) {
      final String type = job.getKey();
      if (!inputsByJobType.containsKey(type)) {
        continue; // a job type new in the newer version: no older instance has such a job
      }
      final String version = type + ": version " + versionTag;
      final Set<String> missing = without(job.getValue(), inputsByJobType.get(type));
      if (!missing.isEmpty()) {
        problems.add(
            version
                + " does not hand the worker "
                + missing
                + " (a new variable needs a new job type, or must stay optional)");
      }
      final Set<String> uncaught =
          without(newer.caughtErrorsByJobType().get(type), caughtErrorsByJobType.get(type));
      if (!uncaught.isEmpty()) {
        problems.add(
            version
                + " does not catch error "
                + uncaught
                + " the worker may throw (a renamed error code needs a new job type)");
      }
    }
    return problems;
  }

  private static Set<String> without(final Set<String> these, final Set<String> those) {
    final Set<String> rest = new TreeSet<>(these);
    rest.removeAll(those);
    return rest;
  }

  private static List<Element> elements(
      final Element root, final String namespace, final String localName) {
    final NodeList nodes = root.getElementsByTagNameNS(namespace, localName);
    final List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static Element first(final Element root, final String namespace, final String name) {
    final List<Element> all = elements(root, namespace, name);
    return all.isEmpty() ? null : all.getFirst();
  }

  private static Set<String> attributes(
      final Element root, final String namespace, final String localName, final String attr) {
    final Set<String> values = new TreeSet<>();
    elements(root, namespace, localName).forEach(e -> values.add(e.getAttribute(attr)));
    values.remove("");
    return values;
  }
}
