package com.example.fulfillment.app.engine;

import com.example.fulfillment.engine.port.DevelopmentEngine;
import com.example.fulfillment.engine.port.DevelopmentEngine.RecordExport;
import com.example.fulfillment.engine.port.EngineRecordListener;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientConfiguration;
import io.camunda.client.impl.CamundaClientImpl;
import io.camunda.client.impl.util.ExecutorResource;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans that exist only with the development engine (started by {@link EmbeddedEngineInitializer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "fulfillment.engine.mode",
    havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedEngineConfiguration {

  /**
   * The app's client talks to its own engine over gRPC's in-process transport (the engine still
   * listens on TCP for Desktop Modeler and other processes). The starter's client is the same but
   * for the channel: it dials {@code camunda.client.grpc-address} over TCP, which spends a share of
   * the two cores on HTTP/2, Netty and loopback for calls that never leave the JVM. The starter
   * offers no hook for the channel and always defines {@code camundaClient}, so its definition is
   * pointed at {@link #inProcessClient} instead; everything else of the starter (configuration from
   * {@code camunda.client.*}, workers, metrics) is unchanged. {@code
   * fulfillment.engine.embedded.transport=tcp} keeps the starter's client (e.g. to compare).
   */
  @Bean
  @ConditionalOnProperty(
      name = "fulfillment.engine.embedded.transport",
      havingValue = "in-process",
      matchIfMissing = true)
  static BeanDefinitionRegistryPostProcessor inProcessCamundaClientDefinition() {
    return registry -> {
      final RootBeanDefinition client = new RootBeanDefinition(EmbeddedEngineConfiguration.class);
      client.setFactoryMethodName("inProcessClient");
      client.setTargetType(CamundaClient.class);
      client.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
      client.setDestroyMethodName("close");
      if (registry.containsBeanDefinition(CAMUNDA_CLIENT)) {
        registry.removeBeanDefinition(CAMUNDA_CLIENT);
      }
      registry.registerBeanDefinition(CAMUNDA_CLIENT, client);
    };
  }

  private static final String CAMUNDA_CLIENT = "camundaClient";

  /** The starter's client, built the starter's way, on an in-process channel. */
  static CamundaClient inProcessClient(
      final CamundaClientConfiguration configuration, final DevelopmentEngine engine) {
    final ManagedChannel channel = engine.openInProcessChannel();
    final var stub = CamundaClientImpl.buildGatewayStub(channel, configuration);
    final var executor = configuration.jobWorkerExecutor();
    return executor == null
        ? new CamundaClientImpl(configuration, channel, stub)
        : new CamundaClientImpl(
            configuration,
            channel,
            stub,
            new ExecutorResource(executor, configuration.ownsJobWorkerExecutor()));
  }

  /**
   * Feeds the engine's records to the app's {@link EngineRecordListener}s (timeline, monitor,
   * instance keys) once everything else is ready, and stops before the engine does.
   *
   * @param trimLog {@code false} keeps the whole log (tests that read the engine's record stream
   *     need it); {@code true} drops what is processed and exported, bounding memory
   */
  @Bean
  SmartLifecycle engineRecordExport(
      final DevelopmentEngine engine,
      final List<EngineRecordListener> listeners,
      final MeterRegistry meters,
      @Value("${fulfillment.engine.embedded.trim-log:true}") final boolean trimLog) {
    final RecordExportLifecycle lifecycle = new RecordExportLifecycle(engine, listeners, trimLog);
    Gauge.builder(
            "fulfillment.engine.log.retained.bytes", engine, DevelopmentEngine::retainedLogBytes)
        .description("Bytes of the development engine's log still held in memory")
        .register(meters);
    Gauge.builder(
            "fulfillment.engine.exporter.position", lifecycle, RecordExportLifecycle::position)
        .description("Log position the in-process exporter has delivered up to")
        .register(meters);
    return lifecycle;
  }

  private static final class RecordExportLifecycle implements SmartLifecycle {

    private final DevelopmentEngine engine;
    private final List<EngineRecordListener> listeners;
    private final boolean trimLog;
    private volatile RecordExport export;

    RecordExportLifecycle(
        final DevelopmentEngine engine,
        final List<EngineRecordListener> listeners,
        final boolean trimLog) {
      this.engine = engine;
      this.listeners = List.copyOf(listeners);
      this.trimLog = trimLog;
    }

    @Override
    public void start() {
      export = engine.export(listeners, trimLog);
    }

    @Override
    public void stop() {
      final RecordExport running = export;
      export = null;
      if (running != null) {
        running.close();
      }
    }

    @Override
    public boolean isRunning() {
      return export != null;
    }

    /** Stop before the engine (a bean) is destroyed, start after everything else is ready. */
    @Override
    public int getPhase() {
      return Integer.MAX_VALUE - 1000;
    }

    double position() {
      final RecordExport running = export;
      return running == null ? -1 : running.exportedPosition();
    }
  }
}
