package com.example.fulfillment;

import static com.example.fulfillment.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.fulfillment.analytics.worker.RecordSaleWorker;
import com.example.fulfillment.inventory.ProductCatalog;
import com.example.fulfillment.invoicing.worker.GenerateInvoiceWorker;
import com.example.fulfillment.jobs.WorkerProperties;
import com.example.fulfillment.loyalty.worker.AwardLoyaltyPointsWorker;
import com.example.fulfillment.notification.worker.NotifyCustomerWorker;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderListener;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.process.ProcessConstants.JobTypes;
import com.example.fulfillment.risk.worker.ReviewFraudWorker;
import com.example.fulfillment.support.Fixture;
import com.example.fulfillment.warehouse.worker.WarehouseWorkers;
import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Spring wiring of the job-workers module on its own: auto-configured DataSource, Flyway and
 * JdbcClient, DomainConfiguration and every worker bean (the Camunda client is off here; the app
 * runs the workers against the engine).
 */
@SpringBootTest(
    classes = DomainContextTest.TestApp.class,
    properties = {
      "camunda.client.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:domain-context;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "fulfillment.workers.retry-backoff.initial=PT0.2S",
      "fulfillment.workers.retry-backoff.max=PT2S"
    })
class DomainContextTest {

  // @Configuration, not @SpringBootConfiguration: the app's tests see this module's test classes
  // (shared test support) and must find only the app as their Spring Boot configuration.
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @ComponentScan("com.example.fulfillment")
  static class TestApp {
    static final List<Order> LINKED = new CopyOnWriteArrayList<>();

    @Bean
    OrderListener recordingListener() {
      return LINKED::add;
    }
  }

  @Autowired ApplicationContext context;
  @Autowired OrderService orders;
  @Autowired ProductCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired WorkerProperties workerProperties;

  @Autowired WarehouseWorkers warehouse;
  @Autowired GenerateInvoiceWorker invoice;
  @Autowired AwardLoyaltyPointsWorker loyalty;
  @Autowired RecordSaleWorker recordSale;
  @Autowired NotifyCustomerWorker notify;
  @Autowired ReviewFraudWorker review;

  @Test
  void everyJobTypeHasAWorkerBean() {
    final Set<String> types =
        context.getBeansOfType(Object.class).values().stream()
            .flatMap(bean -> Arrays.stream(AopUtils.getTargetClass(bean).getDeclaredMethods()))
            .filter(m -> m.isAnnotationPresent(JobWorker.class))
            .map(m -> m.getAnnotation(JobWorker.class).type())
            .collect(Collectors.toCollection(TreeSet::new));

    final Set<String> expected = new TreeSet<>();
    for (Field f : JobTypes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        expected.add((String) ReflectionHolder.get(f));
      }
    }
    assertThat(types).isEqualTo(expected).hasSize(23);
  }

  @Test
  void flywayMigratedAndSeededTheDemoCatalog() {
    assertThat(catalog.products()).hasSize(22);
    assertThat(
            jdbc.sql("SELECT available FROM stock WHERE sku = 'SKU-OUT'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT available FROM stock WHERE sku = 'SKU-LOW'")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void retryBackoffComesFromConfiguration() {
    assertThat(workerProperties.retryBackoff().initial()).isEqualTo(Duration.ofMillis(200));
    assertThat(workerProperties.retryBackoff().max()).isEqualTo(Duration.ofSeconds(2));
    assertThat(workerProperties.retryBackoff().multiplier()).isEqualTo(2.0);
  }

  @Test
  void orderListenerBeansHearOfProcessInstanceLinks() {
    final Order order =
        orders.place(Fixture.command("ord_" + UUID.randomUUID(), "c-1", "tok_ok", "SKU-1:1"));
    orders.recordProcessInstance(order.orderId(), 77L);

    assertThat(TestApp.LINKED)
        .anySatisfy(
            o -> {
              assertThat(o.orderId()).isEqualTo(order.orderId());
              assertThat(o.processInstanceKey()).isEqualTo(77L);
            });
  }

  @Test
  void theMinorWorkersAnswerTheSameWhenRepeated() {
    final Order order =
        orders.place(Fixture.command("ord_" + UUID.randomUUID(), "c-9", "tok_ok", "SKU-3:2"));
    final String id = order.orderId();
    for (int round = 0; round < 2; round++) {
      assertThat(warehouse.pickAndPack(job(JobTypes.PICK_AND_PACK, id), id))
          .isEqualTo(warehouse.pickAndPack(job(JobTypes.PICK_AND_PACK, id), id));
      assertThat(warehouse.giftWrap(job(JobTypes.GIFT_WRAP, id), id).giftWrapped()).isTrue();
      final var reviewInput = new ReviewFraudWorker.Input(id, "MEDIUM", order.total(), 0);
      assertThat(review.reviewFraud(job(JobTypes.REVIEW_FRAUD, id), reviewInput).riskLevel())
          .as("a small first order is cleared, on every call")
          .isEqualTo("LOW");
      final var invoiceInput = new GenerateInvoiceWorker.Input(id, order.total(), "EUR");
      assertThat(invoice.generateInvoice(job(JobTypes.GENERATE_INVOICE, id), invoiceInput))
          .isEqualTo(invoice.generateInvoice(job(JobTypes.GENERATE_INVOICE, id), invoiceInput));
      assertThat(
              loyalty
                  .awardLoyaltyPoints(
                      job(JobTypes.AWARD_LOYALTY_POINTS, id),
                      new AwardLoyaltyPointsWorker.Input(id, "c-9", order.total()))
                  .points())
          .isEqualTo(58);
      recordSale.recordSale(
          job(JobTypes.RECORD_SALE, id), new RecordSaleWorker.Input(id, order.total()));
      notify.notifyCustomer(
          job(JobTypes.NOTIFY_CUSTOMER, id),
          new NotifyCustomerWorker.Input(id, "c-9", "COMPLETED"));
    }
    for (String table :
        List.of(
            "warehouse_package",
            "gift_wrap",
            "fraud_review",
            "invoice",
            "loyalty_award",
            "sale",
            "customer_notification")) {
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE order_id = :id")
                  .param("id", id)
                  .query(Integer.class)
                  .single())
          .as(table)
          .isEqualTo(1);
    }
  }

  private static final class ReflectionHolder {
    static Object get(final Field f) {
      try {
        return f.get(null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
