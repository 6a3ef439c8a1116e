package com.example.fulfillment.app.engine;

import com.example.fulfillment.engine.port.DevelopmentEngine;
import com.example.fulfillment.engine.port.DevelopmentEngineFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
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
 * Starts the in-process development engine before any bean exists, when {@code
 * fulfillment.engine.mode=embedded} (the default), and points the Camunda client at it.
 *
 * <p>It has to run this early: the starter builds its {@code CamundaClient} from {@code
 * camunda.client.*} properties, and with {@code port: 0} the gateway address is known only once the
 * engine is bound. The engine itself is not part of the app: it is the {@code dev-engine} module,
 * found through the {@link DevelopmentEngineFactory} port on the classpath of the development run
 * and the tests, and absent from the production jar, which runs in {@code remote} mode only. In
 * {@code remote} mode this does nothing and the {@code camunda.client.*} properties from
 * configuration apply unchanged.
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
    if (mode != EngineMode.EMBEDDED || env.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
      return;
    }
    final DevelopmentEngineFactory factory =
        DevelopmentEngineFactory.find(context.getClassLoader())
            .orElseThrow(EmbeddedEngineInitializer::noDevelopmentEngine);
    final String host = env.getProperty("fulfillment.engine.embedded.address", "127.0.0.1");
    final int port = env.getProperty("fulfillment.engine.embedded.port", Integer.class, 26500);
    final String state = env.getProperty("fulfillment.engine.embedded.state", "rocksdb");
    final DataSize stateMemory =
        env.getProperty(
            "fulfillment.engine.embedded.state-memory-limit",
            DataSize.class,
            DataSize.ofMegabytes(64));

    final long started = System.nanoTime();
    final DevelopmentEngine engine =
        factory.start(
            new DevelopmentEngineFactory.Settings(
                resolve(host), port, state, stateMemory.toBytes()));
    final String gateway = engine.gatewayAddress();
    final String address = "http://" + gateway;
    LOG.info(
        "Development engine ({} state, non-production use only) listening on {} (gRPC) after {} ms",
        state.toLowerCase(Locale.ROOT),
        gateway,
        (System.nanoTime() - started) / 1_000_000);

    // Highest precedence: in embedded mode the client must talk to this engine, over gRPC
    // (the development engine has no REST API).
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                PROPERTY_SOURCE_NAME,
                Map.of(
                    "camunda.client.mode",
                    "self-managed",
                    "camunda.client.grpc-address",
                    address,
                    "camunda.client.rest-address",
                    address,
                    "camunda.client.prefer-rest-over-grpc",
                    "false",
                    "camunda.client.auth.method",
                    "none",
                    "fulfillment.engine.embedded.gateway-address",
                    gateway)));

    EarlyDeployment.startInBackground(gateway, context.getClassLoader());

    // Registered as a ready singleton with a destroy callback, so the engine stops with the
    // context, including when the context fails to start.
    final DefaultListableBeanFactory beanFactory =
        (DefaultListableBeanFactory) context.getBeanFactory();
    beanFactory.registerSingleton(ENGINE_BEAN_NAME, engine);
    beanFactory.registerDisposableBean(ENGINE_BEAN_NAME, engine::stop);
  }

  private static IllegalStateException noDevelopmentEngine() {
    return new IllegalStateException(
        "fulfillment.engine.mode is 'embedded' (the default), but no development engine is on the"
            + " classpath: this is the production jar, which never contains one. Run it against a"
            + " Camunda 8 cluster with --spring.profiles.active=remote (camunda.client.* settings),"
            + " or start the development engine as its own process (dev-engine module, see README)"
            + " and use the remote profile; for development, `mvn -pl app -am spring-boot:test-run`"
            + " runs the app with the engine in-process.");
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
