package com.example.fulfillment.app.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Camunda client's scheduler (job handling, job stream re-opening, answer retries), which stops
 * running tasks once the app is shutting down ({@link #quiesce()}, on {@code ContextClosedEvent}).
 *
 * <p>Why: in camunda-client-java 8.8.14 a job stream that failed (engine unreachable) schedules its
 * re-opening; if that task runs after the worker was closed, {@code JobStreamerImpl.open} returns
 * early <em>without releasing its lock</em>, and the client's second close of the same worker
 * ({@code CamundaClientImpl.close}, after the starter's own close) then waits for that lock
 * forever: the app never finishes shutting down while the engine is down. Skipping every task from
 * the start of the shutdown on closes that window; a job handed out but not handled is handed out
 * again after its timeout (the workers are idempotent).
 */
final class ClientExecutor extends ScheduledThreadPoolExecutor {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private volatile boolean quiesced;

  ClientExecutor(final int threads) {
    super(threads, threadFactory());
    setRemoveOnCancelPolicy(true);
    setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** From now on, tasks that come due are dropped instead of run. */
  void quiesce() {
    quiesced = true;
  }

  @Override
  protected <V> RunnableScheduledFuture<V> decorateTask(
      final Runnable runnable, final RunnableScheduledFuture<V> task) {
    return new Skippable<>(task);
  }

  @Override
  protected <V> RunnableScheduledFuture<V> decorateTask(
      final Callable<V> callable, final RunnableScheduledFuture<V> task) {
    return new Skippable<>(task);
  }

  private static java.util.concurrent.ThreadFactory threadFactory() {
    final int pool = POOLS.incrementAndGet();
    final AtomicInteger threads = new AtomicInteger();
    return r ->
        Thread.ofPlatform()
            .name("camunda-client-" + pool + "-" + threads.incrementAndGet())
            .daemon()
            .unstarted(r);
  }

  /** Runs the task unless the executor was quiesced meanwhile (then cancels it). */
  private final class Skippable<V> implements RunnableScheduledFuture<V> {

    private final RunnableScheduledFuture<V> task;

    Skippable(final RunnableScheduledFuture<V> task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (quiesced) {
        task.cancel(false);
      } else {
        task.run();
      }
    }

    @Override
    public boolean isPeriodic() {
      return task.isPeriodic();
    }

    @Override
    public long getDelay(final TimeUnit unit) {
      return task.getDelay(unit);
    }

    @Override
    public int compareTo(final Delayed other) {
      return task.compareTo(other instanceof Skippable<?> s ? s.task : other);
    }

    @Override
    public boolean cancel(final boolean mayInterruptIfRunning) {
      return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelled();
    }

    @Override
    public boolean isDone() {
      return task.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
      return task.get();
    }

    @Override
    public V get(final long timeout, final TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return task.get(timeout, unit);
    }
  }
}
