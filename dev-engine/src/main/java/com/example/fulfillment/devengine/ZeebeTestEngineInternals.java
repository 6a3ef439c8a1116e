package com.example.fulfillment.devengine;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.api.InterPartitionCommandSender;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.BindableService;
import io.grpc.Server;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The one place that reaches into {@code zeebe-process-test-engine}'s package-private classes.
 *
 * <p>The test engine's public {@code EngineFactory} always uses an in-memory state store, an
 * in-memory log that is never trimmed, and a gRPC server bound to every interface. The development
 * engine needs RocksDB state, a trimmable log and a loopback-only gateway, so it wires the same
 * parts itself; the parts (command writer, gateway, job streamer, response writer, state monitor,
 * the engine itself) are package-private, and are built here by reflection, named as strings.
 * Everything else is public API.
 *
 * <p>When an engine upgrade renames or reshapes one of them, {@link #verify()} (run by {@code
 * ZeebeTestEngineInternalsTest} in every build) fails and names the member; compare {@code
 * EngineFactory} of the new version and update this class. The test engine is deprecated in 8.8 and
 * removed in 8.10: replacing it touches this module only (the app sees {@code engine-port}).
 */
final class ZeebeTestEngineInternals {

  private static final String PACKAGE = "io.camunda.zeebe.process.test.engine.";

  private static final Member COMMAND_WRITER = new Member("CommandWriter", LogStreamWriter.class);
  private static final Member COMMAND_SENDER = new Member("CommandSender", "CommandWriter");
  private static final Member REQUEST_STORE = new Member("GatewayRequestStore");
  private static final Member JOB_STREAMER = new Member("InMemoryJobStreamer", "CommandWriter");
  private static final Member GATEWAY =
      new Member(
          "GrpcToLogStreamGateway",
          "CommandWriter",
          int.class,
          int.class,
          int.class,
          "GatewayRequestStore",
          "InMemoryJobStreamer");
  private static final Member RESPONSE_WRITER =
      new Member(
          "GrpcResponseWriter", "GrpcToLogStreamGateway", "GatewayRequestStore", Consumer.class);
  private static final Member LOG_STORAGE = new Member("InMemoryLogStorage");
  private static final Member STATE_MONITOR =
      new Member("EngineStateMonitor", "InMemoryLogStorage", StreamProcessor.class);
  private static final Member RECORD_STREAM =
      new Member(
          "RecordStreamSourceImpl",
          io.camunda.zeebe.logstreams.log.LogStreamReader.class,
          int.class);
  private static final Member ENGINE =
      new Member(
          "InMemoryEngine",
          Server.class,
          StreamProcessor.class,
          "GrpcToLogStreamGateway",
          ZeebeDb.class,
          LogStream.class,
          ActorScheduler.class,
          RecordStreamSource.class,
          ControlledActorClock.class,
          "EngineStateMonitor");

  private static final Member[] ALL = {
    COMMAND_WRITER,
    COMMAND_SENDER,
    REQUEST_STORE,
    JOB_STREAMER,
    GATEWAY,
    RESPONSE_WRITER,
    LOG_STORAGE,
    STATE_MONITOR,
    RECORD_STREAM,
    ENGINE
  };

  private ZeebeTestEngineInternals() {}

  /**
   * Resolves every member this class uses; throws {@link IncompatibleEngineException} if one is
   * gone.
   */
  static void verify() {
    for (Member member : ALL) {
      member.constructor();
    }
  }

  /** The parts that feed commands into the log and answer the gateway's requests. */
  record Gateway(
      BindableService service,
      InterPartitionCommandSender commandSender,
      JobStreamer jobStreamer,
      CommandResponseWriter responseWriter,
      Object gatewayImpl) {}

  static Gateway gateway(
      final LogStreamWriter writer,
      final int partitionId,
      final int partitionCount,
      final int port) {
    final Object commandWriter = COMMAND_WRITER.create(writer);
    final Object requestStore = REQUEST_STORE.create();
    final Object jobStreamer = JOB_STREAMER.create(commandWriter);
    final Object gateway =
        GATEWAY.create(commandWriter, partitionId, partitionCount, port, requestStore, jobStreamer);
    final Consumer<Intent> noCallback = null;
    final Object responseWriter = RESPONSE_WRITER.create(gateway, requestStore, noCallback);
    return new Gateway(
        (BindableService) gateway,
        (InterPartitionCommandSender) COMMAND_SENDER.create(commandWriter),
        (JobStreamer) jobStreamer,
        (CommandResponseWriter) responseWriter,
        gateway);
  }

  /**
   * The test engine around the given parts. Its idle/busy monitor listens to {@code logStorage} (it
   * is typed to the test engine's own storage class, so it is handed a placeholder and registered
   * with the real storage here).
   */
  static ZeebeTestEngine engine(
      final Server grpcServer,
      final StreamProcessor streamProcessor,
      final Gateway gateway,
      final ZeebeDb<ZbColumnFamilies> db,
      final LogStream logStream,
      final LogStorage logStorage,
      final ActorScheduler scheduler,
      final ControlledActorClock clock,
      final int partitionId) {
    final Object monitor = STATE_MONITOR.create(LOG_STORAGE.create(), streamProcessor);
    logStorage.addCommitListener((LogStorage.CommitListener) monitor);
    final Object recordStream = RECORD_STREAM.create(logStream.newLogStreamReader(), partitionId);
    return (ZeebeTestEngine)
        ENGINE.create(
            grpcServer,
            streamProcessor,
            gateway.gatewayImpl(),
            db,
            logStream,
            scheduler,
            recordStream,
            clock,
            monitor);
  }

  /** Thrown when the engine version on the classpath no longer has a member this class uses. */
  static final class IncompatibleEngineException extends IllegalStateException {
    IncompatibleEngineException(final String message, final Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A package-private constructor of the test engine, parameter types given as classes or simple
   * names.
   */
  private record Member(String simpleName, Object... parameterTypes) {

    Constructor<?> constructor() {
      final Class<?>[] types =
          Arrays.stream(parameterTypes).map(Member::resolve).toArray(Class<?>[]::new);
      try {
        final Constructor<?> constructor = resolve(simpleName).getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor;
      } catch (NoSuchMethodException | RuntimeException e) {
        throw incompatible(e);
      }
    }

    Object create(final Object... args) {
      try {
        return constructor().newInstance(args);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw incompatible(e);
      }
    }

    private static Class<?> resolve(final Object type) {
      if (type instanceof Class<?> c) {
        return c;
      }
      try {
        return Class.forName(
            PACKAGE + type, false, ZeebeTestEngineInternals.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IncompatibleEngineException(
            "zeebe-process-test-engine has no class "
                + PACKAGE
                + type
                + ": update ZeebeTestEngineInternals to this engine version's EngineFactory",
            e);
      }
    }

    private IncompatibleEngineException incompatible(final Exception cause) {
      if (cause instanceof IncompatibleEngineException i) {
        return i;
      }
      final String signature =
          Arrays.stream(parameterTypes)
              .map(t -> t instanceof Class<?> c ? c.getSimpleName() : t.toString())
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      return new IncompatibleEngineException(
          "zeebe-process-test-engine has no constructor "
              + simpleName
              + "("
              + signature
              + "): update ZeebeTestEngineInternals to this engine version's EngineFactory",
          cause);
    }
  }
}
