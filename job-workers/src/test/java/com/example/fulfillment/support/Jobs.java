package com.example.fulfillment.support;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import com.example.fulfillment.process.ProcessConstants.Variables;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Hand-made activated jobs, as the engine would hand them to a worker. */
public final class Jobs {

  private static final AtomicLong KEYS = new AtomicLong(2_251_799_813_685_000L);

  private Jobs() {}

  /** A job with a fresh key, 3 retries, in process instance 4711. */
  public static ActivatedJob job(final String type, final Map<String, Object> variables) {
    return job(type, KEYS.incrementAndGet(), 3, variables);
  }

  /** A job for one order (its only variable is the order id), as most workers get one. */
  public static ActivatedJob job(final String type, final String orderId) {
    return job(type, orderId, 3);
  }

  /** A job for one order with {@code retries} left, as after failed attempts. */
  public static ActivatedJob job(final String type, final String orderId, final int retries) {
    return job(type, newKey(), retries, Map.of(Variables.ORDER_ID, orderId));
  }

  public static ActivatedJob job(
      final String type, final long key, final int retries, final Map<String, Object> variables) {
    final ActivatedJob job = mock(ActivatedJob.class);
    lenient().when(job.getKey()).thenReturn(key);
    lenient().when(job.getType()).thenReturn(type);
    lenient().when(job.getRetries()).thenReturn(retries);
    lenient().when(job.getProcessInstanceKey()).thenReturn(4711L);
    lenient().when(job.getBpmnProcessId()).thenReturn("order-fulfillment");
    lenient().when(job.getElementId()).thenReturn("Task");
    lenient().when(job.getVariablesAsMap()).thenReturn(variables);
    return job;
  }

  public static long newKey() {
    return KEYS.incrementAndGet();
  }
}
