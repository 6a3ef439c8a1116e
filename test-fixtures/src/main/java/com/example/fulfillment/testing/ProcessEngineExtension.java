package com.example.fulfillment.testing;

import com.example.fulfillment.devengine.DevEngine;
import com.example.fulfillment.devengine.DevEngineFactory;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One in-process Zeebe engine per test class, bound to the loopback interface on a free port, with
 * a {@link CamundaClient} and every model of {@code classpath:bpmn/} deployed. No Spring context,
 * no job workers: tests play the workers themselves through {@link #jobs()}.
 *
 * <pre>{@code
 * @RegisterExtension static final ProcessEngineExtension engine = new ProcessEngineExtension();
 * }</pre>
 *
 * <p>Tests of one class share the engine, so each test isolates itself by its own order id
 * (correlation key) and process instance key.
 */
public final class ProcessEngineExtension implements BeforeAllCallback, AfterAllCallback {

  /** The production models: every BPMN and DMN file the app deploys. */
  public static final List<String> PRODUCTION_MODELS =
      List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn");

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  private final List<String> modelPatterns;
  private ZeebeTestEngine engine;
  private CamundaClient client;
  private ProcessRecords records;
  private EngineWatchdog watchdog;
  private JobStubs jobs;

  /** Deploys the production models. */
  public ProcessEngineExtension() {
    this(PRODUCTION_MODELS);
  }

  /** Deploys the resources matching the given Spring resource patterns instead (none: nothing). */
  public ProcessEngineExtension(final List<String> modelPatterns) {
    this.modelPatterns = List.copyOf(modelPatterns);
  }

  @Override
  public void beforeAll(final ExtensionContext context) {
    final DevEngine embedded = DevEngineFactory.create(InetAddress.getLoopbackAddress(), 0);
    engine = embedded;
    engine.start();
    watchdog = EngineWatchdog.attachTo(embedded);
    final String gateway = engine.getGatewayAddress(); // "0.0.0.0:PORT": the bound port
    final URI address =
        URI.create("http://127.0.0.1:" + gateway.substring(gateway.lastIndexOf(':') + 1));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
    records = new ProcessRecords(engine);
    jobs = new JobStubs(client, records);
    deploy();
  }

  @Override
  public void afterAll(final ExtensionContext context) {
    if (watchdog != null) {
      watchdog.close();
    }
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.stop();
    }
  }

  private void deploy() {
    if (modelPatterns.isEmpty()) {
      return;
    }
    final List<Resource> resources = new ArrayList<>();
    final var resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : modelPatterns) {
        resources.addAll(List.of(resolver.getResources(pattern)));
      }
      if (resources.isEmpty()) {
        throw new IllegalStateException("No models found for " + modelPatterns);
      }
      DeployResourceCommandStep2 command = null;
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          final byte[] bytes = in.readAllBytes();
          command =
              command == null
                  ? client
                      .newDeployResourceCommand()
                      .addResourceBytes(bytes, resource.getFilename())
                  : command.addResourceBytes(bytes, resource.getFilename());
        }
      }
      command.send().join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  public CamundaClient client() {
    return client;
  }

  public ProcessRecords records() {
    return records;
  }

  public JobStubs jobs() {
    return jobs;
  }

  /** Blocks until the engine has processed every command written so far. */
  public void waitForIdleState() {
    try {
      engine.waitForIdleState(IDLE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Engine not idle after " + IDLE_TIMEOUT, e);
    }
  }

  /** Moves the engine clock forward (timers due by then fire) and waits until it is idle. */
  public void increaseTime(final Duration duration) {
    engine.increaseTime(duration);
    waitForIdleState();
  }
}
