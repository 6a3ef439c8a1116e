package com.example.fulfillment.app.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** The local RabbitMQ of tests (127.0.0.1:5672, guest/guest), and names unique to a test run. */
public final class RabbitMq {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5672;
  private static final int CONNECT_TIMEOUT_MS = 2000;
  private static volatile Boolean reachable;

  private RabbitMq() {}

  /** A connection factory with simple publisher confirms, as the app configures it. */
  public static CachingConnectionFactory connectionFactory() {
    final CachingConnectionFactory factory = new CachingConnectionFactory(HOST, PORT);
    factory.setUsername("guest");
    factory.setPassword("guest");
    factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
    return factory;
  }

  /** A prefix no other run uses: exchanges and queues of a test run never collide. */
  public static String uniquePrefix(final String what) {
    return "test." + what + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  static synchronized boolean reachable() {
    if (reachable == null) {
      final ConnectionFactory probe = new ConnectionFactory();
      probe.setHost(HOST);
      probe.setPort(PORT);
      probe.setUsername("guest");
      probe.setPassword("guest");
      probe.setConnectionTimeout(CONNECT_TIMEOUT_MS);
      probe.setHandshakeTimeout(CONNECT_TIMEOUT_MS);
      try (Connection connection = probe.newConnection("reachability-probe")) {
        reachable = connection.isOpen();
      } catch (Exception unreachable) {
        reachable = false;
      }
    }
    return reachable;
  }

  /** See {@link EnabledIfRabbitMq}. */
  static final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
      return reachable()
          ? ConditionEvaluationResult.enabled("RabbitMQ reachable at " + HOST + ":" + PORT)
          : ConditionEvaluationResult.disabled(
              "RabbitMQ not reachable at "
                  + HOST
                  + ":"
                  + PORT
                  + " (guest/guest): RabbitMQ event tests skipped");
    }
  }
}
