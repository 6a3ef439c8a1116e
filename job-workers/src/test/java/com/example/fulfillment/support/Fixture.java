package com.example.fulfillment.support;

import com.example.fulfillment.analytics.SalesService;
import com.example.fulfillment.analytics.jdbc.JdbcSalesRepository;
import com.example.fulfillment.common.Backoff;
import com.example.fulfillment.inventory.InventoryService;
import com.example.fulfillment.inventory.ProductCatalog;
import com.example.fulfillment.inventory.StockLevel;
import com.example.fulfillment.inventory.jdbc.JdbcInventoryRepository;
import com.example.fulfillment.invoicing.InvoiceService;
import com.example.fulfillment.invoicing.jdbc.JdbcInvoiceRepository;
import com.example.fulfillment.jobs.JobHandling;
import com.example.fulfillment.loyalty.LoyaltyService;
import com.example.fulfillment.loyalty.jdbc.JdbcLoyaltyRepository;
import com.example.fulfillment.notification.NotificationService;
import com.example.fulfillment.notification.jdbc.JdbcNotificationRepository;
import com.example.fulfillment.order.Order;
import com.example.fulfillment.order.OrderClosing;
import com.example.fulfillment.order.OrderListener;
import com.example.fulfillment.order.OrderProgress;
import com.example.fulfillment.order.OrderService;
import com.example.fulfillment.order.PlaceOrder;
import com.example.fulfillment.order.SalesTax;
import com.example.fulfillment.order.ShippingAddress;
import com.example.fulfillment.order.jdbc.JdbcOrderEventOutbox;
import com.example.fulfillment.order.jdbc.JdbcOrderRepository;
import com.example.fulfillment.payment.PaymentService;
import com.example.fulfillment.payment.jdbc.JdbcPaymentRepository;
import com.example.fulfillment.payment.sandbox.SandboxPaymentProvider;
import com.example.fulfillment.shipping.ShippingService;
import com.example.fulfillment.shipping.jdbc.JdbcShipmentRepository;
import com.example.fulfillment.shipping.sandbox.SandboxCarriers;
import com.example.fulfillment.testing.MutableClock;
import com.example.fulfillment.warehouse.WarehouseService;
import com.example.fulfillment.warehouse.jdbc.JdbcWarehouseRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The domain wired like DomainConfiguration does, on a test database, without Spring. */
public final class Fixture {

  /** Demo shipping address in Germany. */
  public static final com.example.fulfillment.order.ShippingAddress DEMO_ADDRESS =
      new com.example.fulfillment.order.ShippingAddress(
          "Erika Mustermann", "Heidestraße 17", "Köln", "51147", "DE");

  public static final ShippingAddress ADDRESS =
      new ShippingAddress("Erika Mustermann", "Heidestraße 17", "Köln", "51147", "DE");

  public final TestDatabase db;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  public final List<Order> linked = new CopyOnWriteArrayList<>();
  public final OrderProgress progress;
  public final JdbcOrderEventOutbox events;
  public final ProductCatalog catalog;
  public final InventoryService inventory;
  public final ShippingService shipping;
  public final JdbcShipmentRepository shipments;
  public final SandboxCarriers carriers = new SandboxCarriers();
  public final OrderService orders;
  public final SandboxPaymentProvider provider;
  public final PaymentService payments;
  public final OrderClosing closing;
  public final WarehouseService warehouse;
  public final InvoiceService invoices;
  public final LoyaltyService loyalty;
  public final SalesService sales;
  public final NotificationService notifications;
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  public final Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));
  public final JobHandling jobs;

  public Fixture(final TestDatabase db) {
    this.db = db;
    final var jdbc = db.jdbc();
    final var tx = db.tx();
    final var orderRepository = new JdbcOrderRepository(jdbc);
    final var inventoryRepository = new JdbcInventoryRepository(jdbc);
    progress = new OrderProgress(orderRepository, tx, clock);
    events = new JdbcOrderEventOutbox(jdbc, Tracer.NOOP, Propagator.NOOP);
    catalog = new ProductCatalog(inventoryRepository, tx);
    inventory = new InventoryService(inventoryRepository, progress, tx, clock);
    shipments = new JdbcShipmentRepository(jdbc);
    shipping = new ShippingService(shipments, carriers, progress, tx, clock, events);
    final OrderListener listener = linked::add;
    orders =
        new OrderService(
            orderRepository,
            catalog,
            tx,
            clock,
            listener,
            List.of(inventory, shipping),
            events,
            SalesTax.STANDARD_RATES);
    provider = new SandboxPaymentProvider(jdbc, db.transactionManager(), clock);
    payments =
        new PaymentService(new JdbcPaymentRepository(jdbc), provider, progress, tx, clock, events);
    closing = new OrderClosing(orders, java.util.List.of(shipping, payments, inventory));
    warehouse = new WarehouseService(new JdbcWarehouseRepository(jdbc), progress, tx, clock);
    invoices = new InvoiceService(new JdbcInvoiceRepository(jdbc), tx, clock);
    loyalty = new LoyaltyService(new JdbcLoyaltyRepository(jdbc), tx, clock);
    sales = new SalesService(new JdbcSalesRepository(jdbc), progress, tx, clock);
    notifications = new NotificationService(new JdbcNotificationRepository(jdbc), tx, clock);
    jobs = new JobHandling(meters, backoff, 3, Tracer.NOOP, Propagator.NOOP);
  }

  /** Places an order for customer c-1 with {@code token}; lines as "SKU:quantity". */
  public Order place(final String token, final String... lines) {
    return placeFor("c-1", token, lines);
  }

  public Order placeFor(final String customerId, final String token, final String... lines) {
    return orders.place(command("ord_" + UUID.randomUUID(), customerId, token, lines));
  }

  public static PlaceOrder command(
      final String orderId, final String customerId, final String token, final String... lines) {
    final List<PlaceOrder.Line> parsed = new ArrayList<>();
    for (String line : lines) {
      final String[] parts = line.split(":");
      parsed.add(new PlaceOrder.Line(parts[0], Integer.parseInt(parts[1])));
    }
    return new PlaceOrder(
        orderId, customerId, parsed, token, ADDRESS, false, false, false, "corr-test");
  }

  /** Stock of every SKU, by SKU. */
  public Map<String, StockLevel> stock() {
    return inventory.stockLevels().stream().collect(Collectors.toMap(StockLevel::sku, s -> s));
  }

  public int available(final String sku) {
    return inventory.stock(sku).orElseThrow().available();
  }

  /** Sets a SKU's stock (initial = available, nothing reserved or shipped). */
  public void setStock(final String sku, final int quantity) {
    db.jdbc()
        .sql(
            "UPDATE stock SET initial_quantity = :q, available = :q, reserved = 0, shipped = 0"
                + " WHERE sku = :sku")
        .param("q", quantity)
        .param("sku", sku)
        .update();
  }

  public int count(final String table, final String orderId) {
    return db.jdbc()
        .sql("SELECT COUNT(*) FROM " + table + " WHERE order_id = :orderId")
        .param("orderId", orderId)
        .query(Integer.class)
        .single();
  }

  /**
   * How often the sandbox provider recorded {@code step} (CHARGE, CAPTURE, REFUND) for an order.
   */
  public int providerOperations(final String orderId, final String step) {
    return db.jdbc()
        .sql("SELECT COUNT(*) FROM sandbox_payment_operation WHERE order_id = :o AND step = :step")
        .param("o", orderId)
        .param("step", step)
        .query(Integer.class)
        .single();
  }

  public static List<String> skus(final String... skus) {
    return Arrays.asList(skus);
  }

  /** The order's shipment, as recorded. */
  public java.util.Optional<com.example.fulfillment.shipping.Shipment> shipmentOf(
      final String orderId) {
    return db.tx().inTransaction(() -> shipments.findByOrder(orderId));
  }

  /** Money the sandbox provider moved: charged or captured, minus refunded. */
  public java.math.BigDecimal providerNetCollected() {
    return db.jdbc()
        .sql(
            """
            SELECT COALESCE(SUM(CASE
                     WHEN step = 'CHARGE' AND result = 'CHARGED' THEN amount
                     WHEN step = 'CAPTURE' THEN amount
                     WHEN step = 'REFUND' THEN -amount
                     ELSE 0 END), 0)
              FROM sandbox_payment_operation
            """)
        .query(java.math.BigDecimal.class)
        .single();
  }

  /** Conservation of one SKU's stock: available + reserved + shipped = initial. */
  public static boolean conserved(final StockLevel stock) {
    return stock.available() + stock.reserved() + stock.shipped() == stock.initial();
  }
}
