package com.example.fulfillment.app.order;

import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Lets the API wait, briefly, until the engine has created an order's process instance. The message
 * start returns no instance key; the first job of the instance links it to the order and this
 * listener hears about it.
 */
@Component
class ProcessInstanceKeyWaiter implements OrderListener {

  private final ConcurrentMap<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();

  /** Registers interest before the start is sent, so the answer cannot be missed. */
  CompletableFuture<Long> expect(final String orderId) {
    return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
  }

  Optional<Long> await(
      final String orderId, final CompletableFuture<Long> key, final Duration timeout) {
    try {
      return Optional.of(key.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      waiting.remove(orderId, key);
    }
  }

  /** Stops waiting (e.g. when placing the order failed before the start was sent). */
  void forget(final String orderId, final CompletableFuture<Long> key) {
    waiting.remove(orderId, key);
  }

  @Override
  public void processInstanceLinked(final Order order) {
    final CompletableFuture<Long> key = waiting.get(order.orderId());
    if (key != null) {
      key.complete(order.processInstanceKey());
    }
  }
}
