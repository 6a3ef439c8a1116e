package com.example.fulfillment.config;

import static java.util.stream.Collectors.toSet;

import com.example.fulfillment.analytics.SalesService;
import com.example.fulfillment.analytics.jdbc.JdbcSalesRepository;
import com.example.fulfillment.common.Transactions;
import com.example.fulfillment.common.jdbc.SpringTransactions;
import com.example.fulfillment.inventory.InventoryRepository;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.ProductCatalog;
import com.example.fulfillment.inventory.jdbc.JdbcInventoryRepository;
import com.example.fulfillment.invoicing.InvoiceService;
import com.example.fulfillment.invoicing.jdbc.JdbcInvoiceRepository;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.jobs.JobListener;
import com.example.fulfillment.jobs.WorkerProperties;
import com.example.fulfillment.loyalty.LoyaltyService;
import com.example.fulfillment.loyalty.jdbc.JdbcLoyaltyRepository;
import com.example.fulfillment.notification.NotificationService;
import com.example.fulfillment.notification.jdbc.JdbcNotificationRepository;
import com.example.fulfillment.order.OrderClosing;
import com.example.fulfillment.order.OrderEvents;
import com.example.fulfillment.order.OrderListener;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderRepository;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.PublishedVersions;
import com.example.fulfillment.order.SalesTax;
import com.example.fulfillment.order.jdbc.JdbcOrderEventOutbox;
import com.example.fulfillment.order.jdbc.JdbcOrderRepository;
import com.example.fulfillment.payment.PaymentProvider;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.jdbc.JdbcPaymentRepository;
import com.example.fulfillment.payment.sandbox.SandboxPaymentProvider;
import com.example.fulfillment.risk.FraudReviewService;
import com.example.fulfillment.risk.jdbc.JdbcFraudReviews;
import com.example.fulfillment.shipping.Carrier;
import com.example.fulfillment.shipping.ShippingService;
import com.example.fulfillment.shipping.jdbc.JdbcShipmentRepository;
import com.example.fulfillment.shipping.sandbox.SandboxCarriers;
import com.example.fulfillment.warehouse.WarehouseService;
import com.example.fulfillment.warehouse.jdbc.JdbcWarehouseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the plain-Java domain services to their JDBC adapters and the sandbox payment provider and
 * carriers; the services know nothing of Spring or Camunda. The job workers are
 * {@code @Component}s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class DomainConfiguration {

  static final String MIGRATION_WINDOW = "fulfillment.events.migration-window";

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Transactions transactions(final PlatformTransactionManager transactionManager) {
    return new SpringTransactions(transactionManager);
  }

  @Bean
  OrderRepository orderRepository(final JdbcClient jdbc) {
    return new JdbcOrderRepository(jdbc);
  }

  /**
   * The transactional outbox of the order events; the app's relay publishes it. {@code
   * fulfillment.events.migration-window}: older versions still published beside the newest (e.g.
   * {@code com.example.order.completed/1}; empty: the newest only).
   */
  @Bean
  OrderEvents orderEvents(
      final JdbcClient jdbc,
      final ObjectProvider<Tracer> tracer,
      final ObjectProvider<Propagator> propagator,
      final Environment environment) {
    return new JdbcOrderEventOutbox(
        jdbc,
        tracer.getIfAvailable(() -> Tracer.NOOP),
        propagator.getIfAvailable(() -> Propagator.NOOP),
        publishedVersions(environment));
  }

  /**
   * {@code fulfillment.events.migration-window}, bound as Spring Boot binds lists: comma-separated
   * or a YAML list (a blank entry is ignored; an invalid one stops the start).
   */
  static PublishedVersions publishedVersions(final Environment environment) {
    final Set<String> window =
        Binder.get(environment)
            .bind(MIGRATION_WINDOW, Bindable.setOf(String.class))
            .orElse(Set.of());
    return new PublishedVersions(
        window.stream().filter(entry -> !entry.isBlank()).collect(toSet()));
  }

  @Bean
  InventoryRepository inventoryRepository(final JdbcClient jdbc) {
    return new JdbcInventoryRepository(jdbc);
  }

  @Bean
  OrderProgress orderProgress(
      final OrderRepository orders, final Transactions tx, final Clock clock) {
    return new OrderProgress(orders, tx, clock);
  }

  @Bean
  ProductCatalog productCatalog(final InventoryRepository inventory, final Transactions tx) {
    return new ProductCatalog(inventory, tx);
  }

  @Bean
  InventoryService inventoryService(
      final InventoryRepository inventory,
      final OrderProgress orders,
      final Transactions tx,
      final Clock clock) {
    return new InventoryService(inventory, orders, tx, clock);
  }

  /**
   * The carriers' sandbox: the carrier port unless a {@code @Primary} {@link Carrier} (the HTTP
   * adapter, module providers) replaces it; the app serves it over HTTP.
   */
  @Bean
  SandboxCarriers sandboxCarriers() {
    return new SandboxCarriers();
  }

  @Bean
  ShippingService shippingService(
      final JdbcClient jdbc,
      final Carrier carrier,
      final OrderProgress orders,
      final Transactions tx,
      final Clock clock,
      final OrderEvents events) {
    return new ShippingService(
        new JdbcShipmentRepository(jdbc), carrier, orders, tx, clock, events);
  }

  /** Order listeners (e.g. the API waiting for a process instance key) are looked up per call. */
  @Bean
  OrderService orderService(
      final OrderRepository orders,
      final ProductCatalog catalog,
      final Transactions tx,
      final Clock clock,
      final ObjectProvider<OrderListener> listeners,
      final InventoryService inventory,
      final ShippingService shipping,
      final OrderEvents events) {
    final OrderListener all =
        order -> listeners.orderedStream().forEach(l -> l.processInstanceLinked(order));
    return new OrderService(
        orders,
        catalog,
        tx,
        clock,
        all,
        List.of(inventory, shipping),
        events,
        SalesTax.STANDARD_RATES);
  }

  /**
   * The sandbox provider (docs/api.md, "Payment tokens"): the payment port unless a
   * {@code @Primary} {@link PaymentProvider} (the HTTP adapter, module providers) replaces it; the
   * app serves it over HTTP.
   */
  @Bean
  SandboxPaymentProvider sandboxPaymentProvider(
      final JdbcClient jdbc,
      final PlatformTransactionManager transactionManager,
      final Clock clock) {
    return new SandboxPaymentProvider(jdbc, transactionManager, clock);
  }

  @Bean
  OrderClosing orderClosing(
      final OrderService orders,
      final InventoryService inventory,
      final PaymentService payments,
      final ShippingService shipping) {
    return new OrderClosing(orders, List.of(shipping, payments, inventory));
  }

  @Bean
  PaymentService paymentService(
      final JdbcClient jdbc,
      final PaymentProvider provider,
      final OrderProgress orders,
      final Transactions tx,
      final Clock clock,
      final OrderEvents events) {
    return new PaymentService(new JdbcPaymentRepository(jdbc), provider, orders, tx, clock, events);
  }

  @Bean
  WarehouseService warehouseService(
      final JdbcClient jdbc, final OrderProgress orders, final Transactions tx, final Clock clock) {
    return new WarehouseService(new JdbcWarehouseRepository(jdbc), orders, tx, clock);
  }

  @Bean
  InvoiceService invoiceService(final JdbcClient jdbc, final Transactions tx, final Clock clock) {
    return new InvoiceService(new JdbcInvoiceRepository(jdbc), tx, clock);
  }

  @Bean
  FraudReviewService fraudReviewService(
      final JdbcClient jdbc, final Transactions tx, final Clock clock) {
    return new FraudReviewService(new JdbcFraudReviews(jdbc), tx, clock);
  }

  @Bean
  LoyaltyService loyaltyService(final JdbcClient jdbc, final Transactions tx, final Clock clock) {
    return new LoyaltyService(new JdbcLoyaltyRepository(jdbc), tx, clock);
  }

  @Bean
  SalesService salesService(
      final JdbcClient jdbc, final OrderProgress orders, final Transactions tx, final Clock clock) {
    return new SalesService(new JdbcSalesRepository(jdbc), orders, tx, clock);
  }

  @Bean
  NotificationService notificationService(
      final JdbcClient jdbc, final Transactions tx, final Clock clock) {
    return new NotificationService(new JdbcNotificationRepository(jdbc), tx, clock);
  }

  /**
   * Every {@link JobListener} bean (e.g. the app's worker timeline in remote mode) hears every job
   * handled, so listeners need not know {@link JobHandling}.
   */
  @Bean
  SmartInitializingSingleton jobListenerRegistration(
      final ObjectProvider<JobHandling> handlings, final ObjectProvider<JobListener> listeners) {
    return () ->
        handlings.stream().forEach(jobs -> listeners.orderedStream().forEach(jobs::addListener));
  }

  /** MDC, metrics and failure handling shared by every job worker. */
  @Bean
  JobHandling jobHandling(
      final ObjectProvider<MeterRegistry> meters,
      final WorkerProperties properties,
      final ObjectProvider<Tracer> tracer,
      final ObjectProvider<Propagator> propagator) {
    return new JobHandling(
        meters.getIfAvailable(SimpleMeterRegistry::new),
        properties.retryBackoff().toBackoff(),
        properties.retryBackoff().retries(),
        tracer.getIfAvailable(() -> Tracer.NOOP),
        propagator.getIfAvailable(() -> Propagator.NOOP));
  }
}
