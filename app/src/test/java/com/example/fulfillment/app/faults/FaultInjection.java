package com.example.fulfillment.app.faults;

import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.jobs.WorkerProperties;
import io.camunda.client.api.response.ActivatedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the workers' shared job handling with one that injects the {@link Faults}. */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

  @Bean
  Faults faults() {
    return new Faults();
  }

  @Bean
  @Primary
  JobHandling faultInjectingJobHandling(
      final MeterRegistry meters, final WorkerProperties properties, final Faults faults) {
    return new JobHandling(
        meters,
        properties.retryBackoff().toBackoff(),
        properties.retryBackoff().retries(),
        Tracer.NOOP,
        Propagator.NOOP) {
      @Override
      public <T> T handle(final ActivatedJob job, final Supplier<T> work) {
        final Faults.Kind kind = faults.kindFor(job.getType());
        if (kind == null) {
          return super.handle(job, work);
        }
        return switch (kind) {
          case HANDLE_TWICE ->
              super.handle(
                  job,
                  () -> {
                    work.get();
                    faults.struck();
                    return work.get();
                  });
          case CRASH_AFTER_EFFECT -> {
            final boolean first = faults.firstAttempt(job.getKey());
            yield super.handle(
                job,
                () -> {
                  final T result = work.get();
                  if (first) {
                    faults.struck();
                    throw new IllegalStateException("simulated crash after the effect");
                  }
                  return result;
                });
          }
          case STALL_UNTIL_REDELIVERED -> stallOnce(job, work);
        };
      }

      private <T> T stallOnce(final ActivatedJob job, final Supplier<T> work) {
        final CountDownLatch latch = faults.stallIfFirst(job.getKey());
        if (latch == null) {
          faults.struck(); // the engine handed the stalled job out again
          try {
            return super.handle(job, work);
          } finally {
            faults.redelivered(job.getKey());
          }
        }
        try {
          // A stuck worker: it holds the job past its timeout (bounded, in case it never comes).
          latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.handle(job, work);
      }
    };
  }
}
