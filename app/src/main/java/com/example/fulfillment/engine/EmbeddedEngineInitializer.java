package com.example.fulfillment.engine;

import io.camunda.zeebe.process.test.engine.EmbeddedEngine;
import io.camunda.zeebe.process.test.engine.LoopbackEngineFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Starts the in-process Zeebe engine before any bean exists, when {@code
 * fulfillment.engine.mode=embedded} (the default), and points the Camunda client at it.
 *
 * <p>It has to run this early: the starter builds its {@code CamundaClient} from {@code
 * camunda.client.*} properties, and with {@code port: 0} the gateway address is known only once
 * the engine is bound. In {@code remote} mode it does nothing and the {@code camunda.client.*}
 * properties from configuration apply unchanged.
 */
public class EmbeddedEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String ENGINE_BEAN_NAME = "embeddedZeebeEngine";
  static final String PROPERTY_SOURCE_NAME = "embeddedZeebeEngine";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineInitializer.class);

  @Override
  public void initialize(final ConfigurableApplicationContext context) {
    final ConfigurableEnvironment env = context.getEnvironment();
    final EngineMode mode =
        EngineMode.parse(env.getProperty("fulfillment.engine.mode", EngineMode.EMBEDDED.name()));
    if (mode != EngineMode.EMBEDDED
        || env.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
      return;
    }
    final String host = env.getProperty("fulfillment.engine.embedded.address", "127.0.0.1");
    final int port = env.getProperty("fulfillment.engine.embedded.port", Integer.class, 26500);

    final long started = System.nanoTime();
    final EngineStateStore store =
        EngineStateStore.parse(env.getProperty("fulfillment.engine.embedded.state", "rocksdb"));
    final DataSize stateMemory =
        env.getProperty(
            "fulfillment.engine.embedded.state-memory-limit", DataSize.class, DataSize.ofMegabytes(64));

    final InetAddress bindAddress = resolve(host);
    final EngineStateStore.Opened state = store.open(stateMemory);
    final EmbeddedEngine engine = LoopbackEngineFactory.create(bindAddress, port, state.db());
    engine.start();
    final String gateway =
        (bindAddress instanceof Inet6Address
                ? "[" + bindAddress.getHostAddress() + "]"
                : bindAddress.getHostAddress())
            + ":"
            + engine.port();
    final String address = "http://" + gateway;
    LOG.info(
        "Embedded Zeebe engine ({} state) listening on {} (gRPC) after {} ms",
        store.name().toLowerCase(java.util.Locale.ROOT),
        gateway,
        (System.nanoTime() - started) / 1_000_000);

    // Highest precedence: in embedded mode the client must talk to this engine, over gRPC
    // (the in-process engine has no REST API).
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                PROPERTY_SOURCE_NAME,
                Map.of(
                    "camunda.client.mode", "self-managed",
                    "camunda.client.grpc-address", address,
                    "camunda.client.rest-address", address,
                    "camunda.client.prefer-rest-over-grpc", "false",
                    "camunda.client.auth.method", "none",
                    "fulfillment.engine.embedded.gateway-address", gateway)));

    EarlyDeployment.startInBackground(gateway, context.getClassLoader());

    // Registered as a ready singleton with a destroy callback, so the engine stops with the
    // context, including when the context fails to start.
    final DefaultListableBeanFactory beanFactory =
        (DefaultListableBeanFactory) context.getBeanFactory();
    beanFactory.registerSingleton(ENGINE_BEAN_NAME, engine);
    beanFactory.registerDisposableBean(
        ENGINE_BEAN_NAME,
        () -> {
          engine.stop();
          state.cleanup().run();
        });
  }

  private static InetAddress resolve(final String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "fulfillment.engine.embedded.address: unknown host " + host, e);
    }
  }
}
