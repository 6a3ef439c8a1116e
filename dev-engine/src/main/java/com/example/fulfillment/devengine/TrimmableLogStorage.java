package com.example.fulfillment.devengine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The in-process engine's log, in memory, with one addition over the test engine's own storage:
 * blocks that every reader is done with can be dropped ({@link #trimBelow(long)}). The test engine
 * keeps every record forever, which is right for a test and a slow memory leak for an app that runs
 * for days.
 */
final class TrimmableLogStorage implements LogStorage {

  private record Block(ByteBuffer data, long highestPosition) {}

  /** Blocks by their lowest record position. */
  private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();

  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private long appendedBlocks;

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final BufferWriter bufferWriter,
      final AppendListener listener) {
    final ByteBuffer buffer = ByteBuffer.allocate(bufferWriter.getLength());
    bufferWriter.write(new UnsafeBuffer(buffer), 0);
    append(lowestPosition, highestPosition, buffer, listener);
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final ByteBuffer blockBuffer,
      final AppendListener listener) {
    final long index;
    synchronized (this) {
      blocks.put(lowestPosition, new Block(blockBuffer, highestPosition));
      index = ++appendedBlocks;
    }
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  @Override
  public void addCommitListener(final CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(final CommitListener listener) {
    commitListeners.remove(listener);
  }

  /**
   * Drops every block whose records all lie below {@code position}. Readers positioned in the
   * dropped range continue with the first block that is left.
   *
   * @return how many blocks were dropped
   */
  int trimBelow(final long position) {
    int dropped = 0;
    for (Map.Entry<Long, Block> head = blocks.firstEntry();
        head != null && head.getValue().highestPosition() < position;
        head = blocks.firstEntry()) {
      blocks.remove(head.getKey());
      dropped++;
    }
    return dropped;
  }

  /** Bytes held by the blocks still in the log. */
  long retainedBytes() {
    return blocks.values().stream().mapToLong(b -> b.data().capacity()).sum();
  }

  int retainedBlocks() {
    return blocks.size();
  }

  /** Reads blocks in position order; robust against the head of the log being trimmed. */
  private final class Reader implements LogStorageReader {

    /** Lowest position of the block returned last; the next block is the one above it. */
    private long lastReturned = Long.MIN_VALUE;

    @Override
    public void seek(final long position) {
      final Long block = position < 0 ? null : blocks.floorKey(position);
      lastReturned = block == null ? Long.MIN_VALUE : block - 1;
    }

    @Override
    public boolean hasNext() {
      return blocks.higherKey(lastReturned) != null;
    }

    @Override
    public DirectBuffer next() {
      final Map.Entry<Long, Block> next = blocks.higherEntry(lastReturned);
      if (next == null) {
        throw new NoSuchElementException();
      }
      lastReturned = next.getKey();
      return new UnsafeBuffer(next.getValue().data());
    }

    @Override
    public void close() {}
  }
}
