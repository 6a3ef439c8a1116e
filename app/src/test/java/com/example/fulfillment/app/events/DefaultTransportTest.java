package com.example.fulfillment.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.example.fulfillment.app.events.outbound.EventPublisher;
import com.example.fulfillment.app.events.outbound.LoggingEventPublisher;
import com.example.fulfillment.app.support.ApiDriver;
import com.example.fulfillment.app.support.ApiTestConfiguration;
import com.example.fulfillment.app.support.EmbeddedEngineTest;
import com.example.fulfillment.order.OrderEventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The default transport ({@code log}): no broker, yet every domain event is recorded in the outbox
 * and marked published by the log publisher; nothing of RabbitMQ runs; the admin endpoints answer
 * (with no dead letters) and are described in the OpenAPI document.
 */
@EmbeddedEngineTest
class DefaultTransportTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  record Row(String type, boolean published) {}

  @Test
  void everyEventOfAnOrderIsRecordedAndPublishedToTheLog() throws Exception {
    final ApiDriver api = new ApiDriver(mvc);
    final String orderId = api.place("tok_ok", "SKU-2:1");
    api.delivered(orderId);
    api.awaitStatus(orderId, "COMPLETED");

    final List<Row> rows =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> outbox(orderId), r -> r.size() == 5 && r.stream().allMatch(Row::published));
    assertThat(rows)
        .extracting(Row::type)
        .containsExactly(
            OrderEventTypes.ACCEPTED,
            OrderEventTypes.PAID,
            OrderEventTypes.SHIPPED,
            // versions 1 and 2: the migration window is open by default
            OrderEventTypes.COMPLETED,
            OrderEventTypes.COMPLETED);
  }

  @Test
  void nothingOfRabbitMqRunsAndTheAdminEndpointsAnswer() throws Exception {
    assertThat(context.getBean(EventPublisher.class)).isInstanceOf(LoggingEventPublisher.class);
    assertThat(context.getBeansOfType(AbstractMessageListenerContainer.class)).isEmpty();
    final ApiDriver api = new ApiDriver(mvc);
    final JsonNode health =
        api.json()
            .readTree(
                mvc.perform(get("/actuator/health"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    assertThat(health.path("components").has("rabbit")).isFalse();
    assertThat(health.path("components").has("eventBroker")).isFalse();

    final var list = mvc.perform(get("/api/admin/dead-letters")).andReturn().getResponse();
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getContentAsString()).contains("\"transport\":\"log\"", "\"deadLetters\":[]");
    final var redrive =
        mvc.perform(post("/api/admin/dead-letters/nope/redrive")).andReturn().getResponse();
    assertThat(redrive.getStatus()).isEqualTo(404);
    assertThat(redrive.getContentType()).isEqualTo("application/problem+json");

    final String docs =
        mvc.perform(get("/v3/api-docs").with(ApiTestConfiguration.withoutApiKey()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(docs)
        .contains(
            "/api/admin/dead-letters",
            "/api/admin/dead-letters/{id}/redrive",
            "/api/admin/dead-letters/redrive",
            "retries-exhausted",
            "dead-letter-not-found");
  }

  private List<Row> outbox(final String orderId) {
    return jdbc.sql(
            "SELECT event_type, published_at FROM outbox_event WHERE order_id = :id ORDER BY seq")
        .param("id", orderId)
        .query((rs, n) -> new Row(rs.getString("event_type"), rs.getObject("published_at") != null))
        .list();
  }
}
