package com.example.fulfillment.shipping;

import java.time.Instant;
import java.util.Optional;

/** Storage port for shipments, insurance and late-delivery escalations. */
public interface ShipmentRepository {

  Optional<Shipment> findByOrder(String orderId);

  Optional<Shipment> find(String shipmentId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order has a shipment
   */
  void insert(Shipment shipment, Instant now);

  /** CREATED → ASSIGNED with method and carrier; false if assigned already (or no longer open). */
  boolean assign(String shipmentId, ShippingMethod method, String carrier, Instant now);

  /** ASSIGNED → SCHEDULED with the estimated delivery; false otherwise. */
  boolean schedule(String shipmentId, Instant estimatedDelivery, Instant now);

  /** Open (CREATED, ASSIGNED, SCHEDULED) → DELIVERED; false otherwise. */
  boolean markDelivered(String orderId, Instant deliveredAt, Instant now);

  /** Open → CANCELLED; false otherwise. */
  boolean cancel(String orderId, Instant now);

  Optional<InsurancePolicy> findInsurance(String orderId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if the order is insured
   */
  void insertInsurance(InsurancePolicy policy, Instant now);

  Optional<Instant> findEscalation(String orderId, String shipmentId);

  /**
   * @throws com.example.fulfillment.common.AlreadyRecordedException if escalated already
   */
  void insertEscalation(String orderId, String shipmentId, Instant now);
}
