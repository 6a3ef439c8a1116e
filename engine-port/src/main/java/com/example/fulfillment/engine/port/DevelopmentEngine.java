package com.example.fulfillment.engine.port;

import io.grpc.ManagedChannel;
import java.util.List;

/**
 * A started in-process development engine, as the app sees it: an address to point the Camunda
 * client at, and its record stream. Nothing here names the engine's implementation; see {@link
 * DevelopmentEngineFactory} for how one is found.
 */
public interface DevelopmentEngine {

  /** {@code host:port} of the engine's gRPC gateway. */
  String gatewayAddress();

  /**
   * A new channel to the same gateway inside this JVM (gRPC's in-process transport): the calls skip
   * the socket, HTTP/2 framing and the Netty event loops that {@link #gatewayAddress()} costs. The
   * caller owns the channel and shuts it down.
   */
  ManagedChannel openInProcessChannel();

  /**
   * Starts delivering the engine's records to {@code listeners} on a thread of the engine's, from
   * the first record still in the log.
   *
   * @param trimLog {@code true} drops what is processed and delivered, bounding memory; {@code
   *     false} keeps the whole log (tests that read the record stream need it)
   */
  RecordExport export(List<EngineRecordListener> listeners, boolean trimLog);

  /** Bytes of the engine's log still held in memory. */
  long retainedLogBytes();

  /** Stops the engine and disposes of its state. */
  void stop();

  /** A running delivery of records; {@link #close()} stops it. */
  interface RecordExport extends AutoCloseable {

    /** Log position up to which every listener has received the records. */
    long exportedPosition();

    @Override
    void close();
  }
}
