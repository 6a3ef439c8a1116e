package com.example.fulfillment.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.app.support.EmbeddedEngineTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In embedded mode the app's own client reaches its engine in-process, while the engine's TCP
 * gateway keeps answering other clients (Desktop Modeler, zbctl, workers in other processes).
 */
@EmbeddedEngineTest
class EmbeddedTransportTest {

  @Autowired ConfigurableApplicationContext context;
  @Autowired CamundaClient client;

  @Value("${fulfillment.engine.embedded.gateway-address}")
  String gatewayAddress;

  @Test
  void theAppsClientIsTheInProcessOneAndAnswers() {
    assertThat(context.getBeanFactory().getBeanDefinition("camundaClient").getFactoryMethodName())
        .isEqualTo("inProcessClient");

    final Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getBrokers()).hasSize(1);
  }

  @Test
  void theTcpGatewayStillServesClientsFromOtherProcesses() {
    final URI address = URI.create("http://" + gatewayAddress);
    try (CamundaClient outside =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .build()) {
      final Topology topology = outside.newTopologyRequest().send().join();

      assertThat(topology.getBrokers()).hasSize(1);
      assertThat(topology.getBrokers().getFirst().getPartitions()).hasSize(1);
    }
  }
}
