package com.example.fulfillment.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.app.support.SpanCapture;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One order is one trace (REST → engine start → every job worker → event publish), with the W3C
 * context crossing the engine in process variable {@code traceparent} and the outbox in its row; an
 * inbound CloudEvent continues the trace context it carries (distributed-tracing extension). The
 * spans come from the app's real exporter pipeline, into an in-memory exporter.
 */
@EmbeddedEngineTest
class OrderTracingTest {

  private static final Logger LOG = LoggerFactory.getLogger(OrderTracingTest.class);
  private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
  // the batch span processor exports every 5 s
  private static final Duration EXPORT_WAIT = Duration.ofSeconds(30);

  @Autowired ApiDriver api;
  @Autowired SpanCapture capture;

  @BeforeEach
  void capture() {
    capture.start();
  }

  @AfterEach
  void stop() {
    capture.stop();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Spans captured:\n{}", tree(capture.spans()));
    }
  }

  @Test
  void oneOrderIsOneTraceFromTheRequestThroughEveryWorkerToThePublishedEvents() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-2:1");
    api.delivered(orderId);
    api.awaitStatus(orderId, "COMPLETED");

    final SpanData start =
        await("the start span of " + orderId)
            .atMost(EXPORT_WAIT)
            .until(
                () ->
                    find(
                        capture.spans(),
                        s ->
                            s.getName().equals("start order-fulfillment")
                                && orderId.equals(s.getAttributes().get(ORDER_ID))),
                s -> s != null);
    final String traceId = start.getTraceId();
    final List<SpanData> trace =
        await("the order's trace complete")
            .atMost(EXPORT_WAIT)
            .until(
                () -> capture.trace(traceId),
                spans ->
                    names(spans)
                        .containsAll(
                            Set.of(
                                "job " + JobTypes.COMPLETE_ORDER,
                                "publish com.example.order.completed")));
    LOG.info("Trace of order {}:\n{}", orderId, tree(trace));

    // one root: the request
    final List<SpanData> roots =
        trace.stream().filter(s -> !SpanId.isValid(s.getParentSpanId())).toList();
    assertThat(roots).hasSize(1);
    final SpanData request = roots.getFirst();
    assertThat(request.getName()).isEqualTo("http post /api/orders");
    // the engine start is a child of the request
    assertThat(start.getParentSpanId()).isEqualTo(request.getSpanId());
    // every worker continues the start's context (process variable traceparent)
    final List<SpanData> jobs = trace.stream().filter(s -> s.getName().startsWith("job ")).toList();
    assertThat(names(jobs))
        .contains(
            "job " + JobTypes.VALIDATE_ORDER,
            "job " + JobTypes.RESERVE_STOCK,
            "job " + JobTypes.CHARGE_PAYMENT,
            "job " + JobTypes.PICK_AND_PACK,
            "job " + JobTypes.GENERATE_INVOICE,
            "job " + JobTypes.CREATE_SHIPMENT,
            "job " + JobTypes.SCHEDULE_DELIVERY,
            "job " + JobTypes.COMPLETE_ORDER);
    assertThat(jobs).allSatisfy(j -> assertThat(j.getParentSpanId()).isEqualTo(start.getSpanId()));
    // every event is published in the trace, a child of the span that recorded it
    final Map<String, SpanData> byId =
        trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
    final List<SpanData> publishes =
        trace.stream().filter(s -> s.getName().startsWith("publish ")).toList();
    assertThat(names(publishes))
        .contains(
            "publish com.example.order.accepted",
            "publish com.example.order.paid",
            "publish com.example.order.shipped",
            "publish com.example.order.completed");
    assertThat(publishes).allSatisfy(p -> assertThat(byId).containsKey(p.getParentSpanId()));
    assertThat(
            byId.get(find(publishes, p -> p.getName().endsWith(".paid")).getParentSpanId())
                .getName())
        .isEqualTo("job " + JobTypes.CHARGE_PAYMENT);
  }

  @Test
  void anInboundCloudEventContinuesTheTraceContextItCarries() throws Exception {
    final String orderId = api.place("tok_ok", "SKU-16:1");
    final String traceId = UUID.randomUUID().toString().replace("-", "");
    final String parentId = "00f067aa0ba902b7";
    final String event =
        """
        {"specversion": "1.0", "id": "dlv-%s", "source": "urn:test:carrier",
         "type": "com.example.shipment.delivered", "subject": "%s", "data": {},
         "traceparent": "00-%s-%s-01"}
        """
            .formatted(UUID.randomUUID(), orderId, traceId, parentId);
    final var response =
        api.call(
            MockMvcRequestBuilders.post("/api/events")
                .contentType("application/cloudevents+json")
                .content(event));
    assertThat(response.getStatus()).isEqualTo(202);

    final List<SpanData> trace =
        await("the event's trace")
            .atMost(EXPORT_WAIT)
            .until(() -> capture.trace(traceId), spans -> !spans.isEmpty());
    LOG.info("Trace of the inbound event:\n{}", tree(trace));
    final SpanData correlate = trace.getFirst();
    assertThat(correlate.getName()).isEqualTo("correlate com.example.shipment.delivered");
    assertThat(correlate.getParentSpanId()).isEqualTo(parentId);
    assertThat(correlate.getAttributes().get(ORDER_ID)).isEqualTo(orderId);
  }

  private static SpanData find(final List<SpanData> spans, final Predicate<SpanData> which) {
    return spans.stream().filter(which).findFirst().orElse(null);
  }

  private static Set<String> names(final List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).collect(Collectors.toSet());
  }

  /** The trace as an indented tree: name, span id, parent id, duration. */
  static String tree(final List<SpanData> spans) {
    final StringBuilder out = new StringBuilder();
    final Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    spans.stream()
        .filter(s -> !ids.contains(s.getParentSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(root -> append(out, root, spans, 0));
    return out.toString();
  }

  private static void append(
      final StringBuilder out, final SpanData span, final List<SpanData> all, final int depth) {
    out.append("  ".repeat(depth))
        .append(span.getName())
        .append("  span=")
        .append(span.getSpanId())
        .append(" parent=")
        .append(SpanId.isValid(span.getParentSpanId()) ? span.getParentSpanId() : "-")
        .append(" ")
        .append(
            String.format("%.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
        .append('\n');
    all.stream()
        .filter(s -> s.getParentSpanId().equals(span.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(child -> append(out, child, all, depth + 1));
  }
}
