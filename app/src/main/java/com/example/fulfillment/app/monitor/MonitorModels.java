package com.example.fulfillment.app.monitor;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN models the app deploys ({@code classpath*:bpmn/*.bpmn}), as the monitor page shows them:
 * the XML per process. What the elements in them are (names, types, compensation) is {@link
 * com.example.fulfillment.app.timeline.BpmnElements}'s.
 */
@Component
public class MonitorModels {

  /** One deployable process and the file it is in. */
  public record Model(String processId, String name, String resource) {}

  private final List<Model> models = new ArrayList<>();
  private final Map<String, byte[]> xmlByProcess = new HashMap<>();

  MonitorModels() {
    this("classpath*:bpmn/*.bpmn");
  }

  MonitorModels(final String pattern) {
    try {
      final Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
      for (Resource resource : resources) {
        final byte[] xml;
        try (InputStream in = resource.getInputStream()) {
          xml = in.readAllBytes();
        }
        read(resource.getFilename(), xml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the BPMN models", e);
    }
    models.sort(Comparator.comparing(m -> order(m.processId())));
  }

  private void read(final String file, final byte[] xml) {
    final BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      models.add(new Model(process.getId(), process.getName(), file));
      xmlByProcess.put(process.getId(), xml);
    }
  }

  /** The order's own process first, then the called one, then the rest by id. */
  private static String order(final String processId) {
    return switch (processId) {
      case "order-fulfillment" -> "0";
      case "shipping" -> "1";
      default -> "2" + processId;
    };
  }

  public List<Model> models() {
    return List.copyOf(models);
  }

  /** The BPMN file that holds the process. */
  public Optional<byte[]> xml(final String processId) {
    return Optional.ofNullable(xmlByProcess.get(processId));
  }
}
