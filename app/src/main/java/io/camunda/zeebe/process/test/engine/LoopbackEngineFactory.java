package io.camunda.zeebe.process.test.engine;

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
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Builds the in-process Zeebe engine of {@code zeebe-process-test-engine} like its own {@code
 * EngineFactory}, with three differences: the gRPC gateway binds to the given address (the
 * loopback interface by default) instead of every interface; the state store is the caller's
 * choice (RocksDB or in-memory); and the log can be trimmed once processed ({@link
 * TrimmableLogStorage}).
 *
 * <p>It lives in the engine's package because the pieces it wires (gateway, log storage, job
 * streamer, response writer) are package-private there. Keep it in step with {@code EngineFactory}
 * when the engine version changes.
 */
public final class LoopbackEngineFactory {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private LoopbackEngineFactory() {}

  /**
   * Creates an engine with in-memory state whose gateway listens on {@code address:port}; port 0
   * picks a free port. The engine is not started: call {@link ZeebeTestEngine#start()}.
   */
  public static EmbeddedEngine create(final InetAddress address, final int port) {
    return create(address, port, new InMemoryDbFactory<ZbColumnFamilies>().createDb());
  }

  /**
   * Like {@link #create(InetAddress, int)}, with the engine's state kept in {@code zeebeDb} (e.g.
   * a RocksDB instance); the engine closes it when it stops.
   */
  public static EmbeddedEngine create(
      final InetAddress address, final int port, final ZeebeDb<ZbColumnFamilies> zeebeDb) {
    final int boundPort = port == 0 ? findFreePort(address) : port;

    final ControlledActorClock clock = new ControlledActorClock();
    final ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    final TrimmableLogStorage logStorage = new TrimmableLogStorage();
    final LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    final CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    final CommandSender commandSender = new CommandSender(commandWriter);
    final GatewayRequestStore gatewayRequestStore = new GatewayRequestStore();
    final InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    final GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter,
            PARTITION_ID,
            PARTITION_COUNT,
            boundPort,
            gatewayRequestStore,
            jobStreamer);
    final Server grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(address, boundPort))
            .addService(gateway)
            .build();

    final GrpcResponseWriter responseWriter =
        new GrpcResponseWriter(gateway, gatewayRequestStore, null);
    final StreamProcessor streamProcessor =
        createStreamProcessor(logStream, zeebeDb, scheduler, responseWriter, commandSender, jobStreamer, clock);

    final InMemoryEngine engine =
        new InMemoryEngine(
            grpcServer,
            streamProcessor,
            gateway,
            zeebeDb,
            logStream,
            scheduler,
            new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID),
            clock,
            new EngineStateMonitor(logStorage, streamProcessor));
    return new EmbeddedEngine(engine, logStream, logStorage, streamProcessor, boundPort);
  }

  private static StreamProcessor createStreamProcessor(
      final LogStream logStream,
      final ZeebeDb<ZbColumnFamilies> database,
      final ActorScheduler scheduler,
      final GrpcResponseWriter responseWriter,
      final CommandSender commandSender,
      final InMemoryJobStreamer jobStreamer,
      final ControlledActorClock clock) {
    final SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return StreamProcessor.builder()
        .logStream(logStream)
        .zeebeDb(database)
        .commandResponseWriter(responseWriter)
        .partitionCommandSender(commandSender)
        .recordProcessors(
            List.of(
                new Engine(
                    context ->
                        EngineProcessors.createEngineProcessors(
                            context,
                            PARTITION_COUNT,
                            new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                            commandSender,
                            FeatureFlags.createDefault(),
                            jobStreamer,
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
