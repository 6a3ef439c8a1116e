package com.example.fulfillment.app.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Asks the engine for its cluster topology: the one question every Camunda 8 gateway answers, the
 * embedded engine, a self-managed cluster and SaaS alike. Used by the health check and by the
 * startup check of {@code fulfillment.engine.require-connection}.
 */
@Component
public class EngineTopology {

  private final CamundaClient client;

  /** How many probes (by anyone: health check, state watch) found the engine not ready. */
  private final AtomicLong notReady = new AtomicLong();

  EngineTopology(final CamundaClient client) {
    this.client = client;
  }

  /** The engine's state as seen now; never throws. */
  public Status probe(final Duration timeout) {
    Status status;
    try {
      final Topology topology =
          client
              .newTopologyRequest()
              .requestTimeout(timeout)
              .send()
              .join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      status = Status.of(topology);
    } catch (RuntimeException e) {
      status = Status.unreachable(EngineErrors.describe(e));
    }
    if (!status.ready()) {
      notReady.incrementAndGet();
    }
    return status;
  }

  /**
   * A count that grows with every probe that found the engine not ready: a watcher that compares it
   * between its own probes learns of an outage it did not see itself (a restart between two of its
   * probes, seen by the health check).
   */
  public long notReadyCount() {
    return notReady.get();
  }

  /** The gRPC address the client talks to (for messages and health details). */
  public String grpcAddress() {
    return String.valueOf(client.getConfiguration().getGrpcAddress());
  }

  /**
   * What the gateway reported.
   *
   * @param reachable the gateway answered
   * @param topology its answer (null when unreachable)
   * @param error why it did not answer (null when reachable)
   */
  public record Status(boolean reachable, Topology topology, String error) {

    static Status of(final Topology topology) {
      return new Status(true, topology, null);
    }

    static Status unreachable(final String error) {
      return new Status(false, null, error);
    }

    /** Partitions (1..partitionsCount) that no broker leads at the moment. */
    public Set<Integer> partitionsWithoutLeader() {
      if (!reachable) {
        return Set.of();
      }
      final Set<Integer> led =
          topology.getBrokers().stream()
              .flatMap(b -> b.getPartitions().stream())
              .filter(PartitionInfo::isLeader)
              .map(PartitionInfo::getPartitionId)
              .collect(Collectors.toSet());
      return IntStream.rangeClosed(1, topology.getPartitionsCount())
          .boxed()
          .filter(p -> !led.contains(p))
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The gateway answered, knows at least one broker, and every partition has a leader. */
    public boolean ready() {
      return reachable
          && !topology.getBrokers().isEmpty()
          && topology.getPartitionsCount() > 0
          && partitionsWithoutLeader().isEmpty();
    }

    /** Why the engine is not ready, in a few words (null when it is). */
    public String problem() {
      if (!reachable) {
        return "unreachable: " + error;
      }
      if (topology.getBrokers().isEmpty()) {
        return "the gateway knows no broker";
      }
      final Set<Integer> leaderless = partitionsWithoutLeader();
      return leaderless.isEmpty() ? null : "no leader for partition(s) " + leaderless;
    }

    /**
     * Health details: cluster size, partitions, and each broker's partitions with role and health.
     */
    public Map<String, Object> details() {
      final Map<String, Object> details = new LinkedHashMap<>();
      if (!reachable) {
        details.put("error", error);
        return details;
      }
      details.put("gatewayVersion", topology.getGatewayVersion());
      details.put("clusterSize", topology.getClusterSize());
      details.put("partitionsCount", topology.getPartitionsCount());
      details.put("replicationFactor", topology.getReplicationFactor());
      details.put("brokers", topology.getBrokers().stream().map(Status::broker).toList());
      final Set<Integer> leaderless = partitionsWithoutLeader();
      if (!leaderless.isEmpty()) {
        details.put("partitionsWithoutLeader", leaderless);
      }
      return details;
    }

    private static Map<String, Object> broker(final BrokerInfo broker) {
      final Map<String, Object> b = new LinkedHashMap<>();
      b.put("nodeId", broker.getNodeId());
      b.put("address", broker.getAddress());
      b.put("version", broker.getVersion());
      final List<String> partitions =
          broker.getPartitions().stream()
              .map(p -> p.getPartitionId() + " " + p.getRole() + " " + p.getHealth())
              .toList();
      b.put("partitions", partitions);
      return b;
    }
  }
}
