package com.example.fulfillment.devengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fails loudly when an upgrade of {@code zeebe-process-test-engine} breaks the package-private
 * wiring in {@link ZeebeTestEngineInternals}: every member it reaches must still exist, and the
 * engine assembled from them must run a process end to end on RocksDB state, on loopback only.
 */
class ZeebeTestEngineInternalsTest {

  @Test
  void everyInternalMemberStillExists() {
    ZeebeTestEngineInternals.verify();
  }

  @Test
  void theAssembledEngineRunsAProcessOnRocksDbStateAndListensOnLoopbackOnly() throws Exception {
    final DevEngine engine =
        DevEngineFactory.createWithRocksDb(InetAddress.getLoopbackAddress(), 0);
    engine.start();
    try (CamundaClient client = Clients.of(engine)) {
      Clients.deployOneTask(client, "p", "t");
      client
          .newWorker()
          .jobType("t")
          .handler(
              (jobs, job) ->
                  jobs.newCompleteCommand(job).variables(Map.of("done", true)).send().join())
          .streamEnabled(true)
          .open();
      final ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("p")
              .latestVersion()
              .withResult()
              .requestTimeout(Duration.ofSeconds(20))
              .send()
              .join();
      assertThat(result.getVariablesAsMap()).containsEntry("done", true);

      final Optional<InetAddress> other = nonLoopbackAddress();
      assumeTrue(other.isPresent(), "no non-loopback interface on this machine");
      try (Socket socket = new Socket()) {
        assertThatThrownBy(
                () -> socket.connect(new InetSocketAddress(other.get(), engine.port()), 2_000))
            .isInstanceOf(ConnectException.class);
      }
    } finally {
      engine.stop();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            i -> {
              try {
                return i.isUp() && !i.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
