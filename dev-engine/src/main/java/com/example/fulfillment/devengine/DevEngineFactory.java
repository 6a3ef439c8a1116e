package com.example.fulfillment.devengine;

import com.example.fulfillment.engine.port.DevelopmentEngine;
import com.example.fulfillment.engine.port.DevelopmentEngineFactory;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Builds the development engine like the test engine's own {@code EngineFactory}, with three
 * differences: the gRPC gateway binds to the given address (loopback by default) instead of every
 * interface, and answers in-process too; the state store is RocksDB or in-memory; and the log can
 * be trimmed once processed ({@link TrimmableLogStorage}). The test engine's package-private parts
 * come from {@link ZeebeTestEngineInternals}; the rest is the engine's public API.
 *
 * <p>Also the {@link DevelopmentEngineFactory} the app finds through {@link
 * java.util.ServiceLoader} (see {@code META-INF/services}).
 */
public final class DevEngineFactory implements DevelopmentEngineFactory {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;
  private static final long DEFAULT_STATE_MEMORY = 64L * 1024 * 1024;

  @Override
  public DevelopmentEngine start(final Settings settings) {
    final DevEngine engine =
        create(
            settings.address(),
            settings.port(),
            StateStore.parse(settings.state()),
            settings.stateMemoryBytes(),
            null);
    engine.start();
    return engine;
  }

  /** An engine with in-memory state on {@code address:port} (0: a free port), not started. */
  public static DevEngine create(final InetAddress address, final int port) {
    return create(address, port, StateStore.MEMORY, DEFAULT_STATE_MEMORY, null);
  }

  /** An engine with RocksDB state on {@code address:port} (0: a free port), not started. */
  public static DevEngine createWithRocksDb(final InetAddress address, final int port) {
    return create(address, port, StateStore.ROCKSDB, DEFAULT_STATE_MEMORY, null);
  }

  /**
   * An engine on {@code address:port} (0: a free port), not started: call {@link
   * DevEngine#start()}. Its state is disposed of when it stops.
   *
   * @param workDir parent of the RocksDB working directory; {@code null}: the temporary directory
   */
  static DevEngine create(
      final InetAddress address,
      final int port,
      final StateStore store,
      final long stateMemoryBytes,
      final Path workDir) {
    final int boundPort = port == 0 ? findFreePort(address) : port;
    final StateStore.Opened state = store.open(stateMemoryBytes, workDir);

    final ControlledActorClock clock = new ControlledActorClock();
    final ActorScheduler scheduler =
        ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    final TrimmableLogStorage logStorage = new TrimmableLogStorage();
    final LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    final ZeebeTestEngineInternals.Gateway gateway =
        ZeebeTestEngineInternals.gateway(
            logStream.newLogStreamWriter(), PARTITION_ID, PARTITION_COUNT, boundPort);
    final Server grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(address, boundPort))
            .addService(gateway.service())
            .build();
    // The same gateway service for callers in this JVM (the app's own client), without sockets.
    final String inProcessName = "fulfillment-dev-engine-" + UUID.randomUUID();
    final Server inProcessServer =
        InProcessServerBuilder.forName(inProcessName).addService(gateway.service()).build();
    final StreamProcessor streamProcessor =
        createStreamProcessor(logStream, state.db(), scheduler, gateway, clock);

    final ZeebeTestEngine engine =
        ZeebeTestEngineInternals.engine(
            grpcServer,
            streamProcessor,
            gateway,
            state.db(),
            logStream,
            logStorage,
            scheduler,
            clock,
            PARTITION_ID);
    return new DevEngine(
        engine,
        logStream,
        logStorage,
        streamProcessor,
        new DevEngine.Endpoints(
            address.getHostAddress(), boundPort, inProcessServer, inProcessName),
        state.cleanup());
  }

  private static StreamProcessor createStreamProcessor(
      final LogStream logStream,
      final ZeebeDb<ZbColumnFamilies> database,
      final ActorScheduler scheduler,
      final ZeebeTestEngineInternals.Gateway gateway,
      final ControlledActorClock clock) {
    final SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return StreamProcessor.builder()
        .logStream(logStream)
        .zeebeDb(database)
        .commandResponseWriter(gateway.responseWriter())
        .partitionCommandSender(gateway.commandSender())
        .recordProcessors(
            List.of(
                new Engine(
                    context ->
                        EngineProcessors.createEngineProcessors(
                            context,
                            PARTITION_COUNT,
                            new SubscriptionCommandSender(
                                context.getPartitionId(), gateway.commandSender()),
                            gateway.commandSender(),
                            FeatureFlags.createDefault(),
                            gateway.jobStreamer(),
                            SearchClientsProxy.noop(),
                            new BrokerRequestAuthorizationConverter(security)),
                    new EngineConfiguration(),
                    security)))
        .actorSchedulingService(scheduler)
        .clock(new ControllableStreamClockImpl(clock))
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  private static int findFreePort(final InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + address.getHostAddress(), e);
    }
  }
}
