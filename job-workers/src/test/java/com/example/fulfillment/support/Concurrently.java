package com.example.fulfillment.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs a task on n threads released at the same moment; no sleeps. */
public final class Concurrently {

  private Concurrently() {}

  /** Each task's result; a task that threw makes this throw (after all have finished). */
  public static <T> List<T> run(final int threads, final IntFunction<T> task) {
    final ExecutorService pool = Executors.newFixedThreadPool(threads);
    final CountDownLatch ready = new CountDownLatch(threads);
    final CountDownLatch go = new CountDownLatch(1);
    try {
      final List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        final int n = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.apply(n);
                }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("threads did not start");
      }
      go.countDown();
      final List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
